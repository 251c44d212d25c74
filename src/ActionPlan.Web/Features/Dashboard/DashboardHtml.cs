using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ActionPlan.Web.Infrastructure;

namespace ActionPlan.Web.Features.Dashboard;

/// <summary>
/// The prerendered HTML of the 总览's body (<see cref="DashboardBody"/>), kept with the figures it shows. The
/// <see cref="FigureCache"/> hands every user of one scope the same figures object for a few seconds, so the
/// page's largest part is rendered once for all of them instead of on every view; when the figures object is
/// dropped (a save, or the cache's lifetime), its HTML goes with it.
/// </summary>
public sealed class DashboardHtml
{
    private readonly ConditionalWeakTable<DashboardFigures, ConcurrentDictionary<(string? Sort, bool Descending), string>> _rendered = [];

    /// <param name="services">The request's services, which the body's components are created from.</param>
    public async Task<string> GetAsync(IServiceProvider services, DashboardFigures figures, string? unitSort, bool unitDescending)
    {
        var variants = _rendered.GetValue(figures, _ => new());
        if (variants.TryGetValue((unitSort, unitDescending), out var html))
        {
            return html;
        }

        html = await StaticHtml.RenderAsync<DashboardBody>(services, new()
        {
            [nameof(DashboardBody.F)] = figures,
            [nameof(DashboardBody.UnitSort)] = unitSort,
            [nameof(DashboardBody.UnitDescending)] = unitDescending,
        });
        variants.TryAdd((unitSort, unitDescending), html);
        return html;
    }
}
