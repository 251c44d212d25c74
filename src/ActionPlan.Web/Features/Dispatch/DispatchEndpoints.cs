using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Shared;

namespace ActionPlan.Web.Features.Dispatch;

public static class DispatchEndpoints
{
    public const string Path = "/dispatch.xlsx";

    /// <summary>The report of <c>?month=&amp;asof=</c> (as the page reads them), within the user's scope.</summary>
    public static void MapDispatchEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, async (HttpContext context, CurrentPlan plans, DispatchReportQueries queries, PortalClock clock, CancellationToken cancellationToken) =>
        {
            var plan = await plans.GetAsync(cancellationToken);
            if (plan is null)
            {
                return Results.NotFound();
            }

            var request = DispatchRequest.Parse(context.Request.Query["month"], context.Request.Query["asof"], clock.Today);
            var report = await queries.LoadAsync(AccessScope.For(context.User), plan, request.Month, request.AsOf, cancellationToken);
            return Results.File(DispatchWorkbook.Write(report), XlsxWriter.ContentType,
                $"调度通报-{StatusText.MonthKey(request.Month)}-截至{StatusText.ShortDate(request.AsOf)}.xlsx");
        }).RequireAuthorization();
}
