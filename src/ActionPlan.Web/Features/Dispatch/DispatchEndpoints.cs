using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Shared;

namespace ActionPlan.Web.Features.Dispatch;

public static class DispatchEndpoints
{
    public const string Path = "/dispatch.xlsx";

    public const string DocumentPath = "/dispatch.docx";

    /// <summary>The report of <c>?month=&amp;asof=</c> (as the page reads them), within the user's scope, as .xlsx and as .docx.</summary>
    public static void MapDispatchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, (HttpContext context, CurrentPlan plans, DispatchReportQueries queries, PortalClock clock, CancellationToken cancellationToken) =>
            FileAsync(context, plans, queries, clock, DispatchWorkbook.Write, XlsxWriter.ContentType, "xlsx", cancellationToken)).RequireAuthorization();

        // Not issued yet: the portal has no editions, so the document is the draft (（未签发）).
        app.MapGet(DocumentPath, (HttpContext context, CurrentPlan plans, DispatchReportQueries queries, PortalClock clock, CancellationToken cancellationToken) =>
            FileAsync(context, plans, queries, clock, report => DispatchDocument.Write(report), DispatchDocument.ContentType, "docx", cancellationToken)).RequireAuthorization();
    }

    private static async Task<IResult> FileAsync(
        HttpContext context, CurrentPlan plans, DispatchReportQueries queries, PortalClock clock,
        Func<DispatchReport, byte[]> write, string contentType, string extension, CancellationToken cancellationToken)
    {
        var plan = await plans.GetAsync(context, cancellationToken);
        if (plan is null)
        {
            return Results.NotFound();
        }

        var request = DispatchRequest.Parse(context.Request.Query["month"], context.Request.Query["asof"], clock.Today);
        var report = await queries.LoadAsync(AccessScope.For(context.User), plan, request.Month, request.AsOf, cancellationToken);
        return Results.File(write(report), contentType,
            $"调度通报-{StatusText.MonthKey(request.Month)}-截至{StatusText.ShortDate(request.AsOf)}.{extension}");
    }
}
