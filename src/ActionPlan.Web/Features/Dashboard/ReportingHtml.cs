using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ActionPlan.Web.Features.Rounds;
using ActionPlan.Web.Infrastructure;

namespace ActionPlan.Web.Features.Dashboard;

/// <summary>
/// The prerendered HTML of the 总览's 报送与督办 section (<see cref="ReportingView"/>), kept with the figures it shows:
/// <see cref="RoundReportingFigures"/> hands every user of one scope the same figures object for a few seconds, so
/// the section is rendered once for all of them; when the figures object is dropped, its HTML goes with it.
/// </summary>
public sealed class ReportingHtml
{
    private readonly ConditionalWeakTable<ReportingFigures, ConcurrentDictionary<(bool SeesAllTasks, bool CanOpenRounds), Task<string>>> _rendered = [];

    /// <param name="services">The request's services, which the section's components are created from.</param>
    public async Task<string> GetAsync(IServiceProvider services, ReportingFigures figures, bool seesAllTasks, bool canOpenRounds)
    {
        var variants = _rendered.GetValue(figures, _ => new());
        var key = (seesAllTasks, canOpenRounds);
        var html = variants.GetOrAdd(key, _ => StaticHtml.RenderAsync<ReportingView>(services, new()
        {
            [nameof(ReportingView.Figures)] = figures,
            [nameof(ReportingView.SeesAllTasks)] = seesAllTasks,
            [nameof(ReportingView.CanOpenRounds)] = canOpenRounds,
        }));
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
}
