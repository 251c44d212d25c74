using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.History;
using ActionPlan.Web.Features.Shared;
using ActionPlan.Web.Features.Tasks;

namespace ActionPlan.Web.Features.Ledger;

public static class LedgerEndpoints
{
    /// <summary>The 工作台账 of the current list view (same query string as 任务清单), within the user's scope.</summary>
    public static IServiceCollection AddLedger(this IServiceCollection services) => services.AddSingleton<LedgerQueries>();

    public static void MapLedgerEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet(PortalPaths.Ledger, async (HttpContext context, CurrentPlan plans, LedgerQueries queries, PortalClock clock, CancellationToken cancellationToken) =>
        {
            var plan = await plans.GetAsync(context, cancellationToken);
            if (plan is null)
            {
                return Results.NotFound();
            }

            var q = context.Request.Query;
            var query = TaskListQuery.FromQueryString(q["domain"], q["unit"], q["status"], q["q"], null, null, q["sort"], q["dir"], q["level"], q["ms"], q["month"]);
            // ?asof= gives the ledger of a past day (from the history); absent, unreadable or later than today: today's.
            var (asOf, _) = AsOf.Parse(q["asof"], clock.Today);
            var rows = await queries.ListAsync(AccessScope.For(context.User), plan.Id, query, asOf, cancellationToken);
            var file = LedgerWorkbook.Write(rows);
            return Results.File(file, XlsxWriter.ContentType, asOf < clock.Today ? $"工作台账-截至{StatusText.ShortDate(asOf)}.xlsx" : $"工作台账-{StatusText.ShortDate(clock.Today)}.xlsx");
        }).RequireAuthorization();
}
