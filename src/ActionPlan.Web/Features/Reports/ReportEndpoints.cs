using ActionPlan.Web.Features.Accounts;

namespace ActionPlan.Web.Features.Reports;

public static class ReportEndpoints
{
    /// <summary>Evidence downloads, checked against the user's scope like every other read.</summary>
    public static void MapReportEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/attachments/{id:int}", async (int id, HttpContext context, ProgressReports reports, CancellationToken cancellationToken) =>
        {
            var file = await reports.AttachmentAsync(AccessScope.For(context.User), id, cancellationToken);
            if (file is null)
            {
                return Results.NotFound();
            }

            // Always a download, never rendered inline: an uploaded file cannot run in the portal's origin.
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(file.Content, file.ContentType, file.FileName);
        }).RequireAuthorization();
}
