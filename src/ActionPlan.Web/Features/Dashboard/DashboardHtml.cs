using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ActionPlan.Web.Features.Shared;
using ActionPlan.Web.Infrastructure;

namespace ActionPlan.Web.Features.Dashboard;

/// <summary>
/// The prerendered HTML of the 总览's body and header (<see cref="DashboardBody"/>), kept with the figures it shows. The
/// <see cref="FigureCache"/> hands every user of one scope the same figures object for a few seconds, so the
/// page's largest part is rendered once for all of them instead of on every view; when the figures object is
/// dropped (a save, or the cache's lifetime), its HTML goes with it.
/// </summary>
public sealed class DashboardHtml
{
    private readonly ConditionalWeakTable<DashboardFigures, ConcurrentDictionary<(bool OwnUnitOnly, string? Sort, bool Descending, bool Historical, DateOnly Today, PlanOverview? Plan), Task<(string Before, string After)>>> _rendered = [];

    /// <param name="services">The request's services, which the body's components are created from.</param>
    /// <returns>The HTML before and after <see cref="DashboardBody.SectionMarker"/>, where the page puts its uncached section.</returns>
    public async Task<(string Before, string After)> GetAsync(IServiceProvider services, DashboardFigures figures, bool ownUnitOnly, string? unitSort, bool unitDescending, bool historical, DateOnly today, PlanOverview? plan = null)
    {
        // One render per variant, shared: the views that arrive while new figures are being rendered wait for
        // that render instead of each starting its own. A failed render is not kept.
        var variants = _rendered.GetValue(figures, _ => new());
        var key = (ownUnitOnly, unitSort, unitDescending, historical, today, plan);
        var html = variants.GetOrAdd(key, _ => RenderAsync(services, figures, key));
        try
        {
            return await html;
        }
        catch
        {
            variants.TryRemove(new(key, html));
            throw;
        }
    }

    private static async Task<(string Before, string After)> RenderAsync(
        IServiceProvider services, DashboardFigures figures, (bool OwnUnitOnly, string? Sort, bool Descending, bool Historical, DateOnly Today, PlanOverview? Plan) variant)
    {
        var html = await StaticHtml.RenderAsync<DashboardBody>(services, new()
        {
            [nameof(DashboardBody.F)] = figures,
            [nameof(DashboardBody.OwnUnitOnly)] = variant.OwnUnitOnly,
            [nameof(DashboardBody.UnitSort)] = variant.Sort,
            [nameof(DashboardBody.UnitDescending)] = variant.Descending,
            [nameof(DashboardBody.Historical)] = variant.Historical,
            [nameof(DashboardBody.Today)] = variant.Today,
            [nameof(DashboardBody.Plan)] = variant.Plan,
        });
        var at = html.IndexOf(DashboardBody.SectionMarker, StringComparison.Ordinal);
        return at < 0 ? (html, "") : (html[..at], html[(at + DashboardBody.SectionMarker.Length)..]);
    }
}
