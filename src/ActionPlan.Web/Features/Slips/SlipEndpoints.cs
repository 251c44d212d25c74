using ActionPlan.Web.Features.Accounts;

namespace ActionPlan.Web.Features.Slips;

public static class SlipEndpoints
{
    /// <summary>Evidence of slip replies, with the slip's access rule (the office and leadership, or the replying unit).</summary>
    public static void MapSlipEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/slips/attachments/{id:int}", async (int id, HttpContext context, SupervisionSlips slips, CancellationToken cancellationToken) =>
        {
            var file = await slips.AttachmentAsync(AccessScope.For(context.User), id, cancellationToken);
            if (file is null)
            {
                return Results.NotFound();
            }

            // Always a download, never rendered inline: an uploaded file cannot run in the portal's origin.
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(file.Content, file.ContentType, file.FileName);
        }).RequireAuthorization();
}
