using ActionPlan.Data;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Features.Shared;

/// <summary>
/// The plans the portal holds, their domains and the lead units each names; which one a page shows is chosen by its
/// <c>plan=</c> query parameter, else the default (the newest running plan). A plan's text never changes after
/// import, so this is read at most once a minute for the whole server rather than on every page. An import, an
/// archiving or a re-opening, here or in another instance on the same PostgreSQL database, forgets it at once
/// (<see cref="PlansSaved"/>); one by a process that sends no signal (the <c>plan</c> verbs on SQLite) shows within
/// that minute.
/// </summary>
public sealed class CurrentPlan
{
    private readonly IDbContextFactory<AppDbContext> contexts;
    private readonly TimeProvider time;

    public CurrentPlan(IDbContextFactory<AppDbContext> contexts, TimeProvider time, PlansSaved? saved = null)
    {
        this.contexts = contexts;
        this.time = time;
        if (saved is not null)
        {
            saved.Saved += Invalidate;
        }
    }

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private static readonly StringComparer ChineseOrder = StringComparer.Create(new System.Globalization.CultureInfo("zh-CN"), false);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Snapshot? _snapshot;

    private sealed record Snapshot(DateTimeOffset LoadedAt, IReadOnlyList<PlanOverview> Plans, IReadOnlyDictionary<int, IReadOnlyList<string>> LeadUnits)
    {
        public PlanOverview? Default => Plans.FirstOrDefault(p => p.IsDefault);
    }

    /// <summary>The default plan: the newest running one (the newest of all when every plan is archived); null in an empty database.</summary>
    public async Task<PlanOverview?> GetAsync(CancellationToken cancellationToken = default) => (await LoadAsync(cancellationToken)).Default;

    /// <summary>The plan <paramref name="planId"/> names, or the default when it names none (absent, or not a plan here).</summary>
    public async Task<PlanOverview?> GetAsync(int? planId, CancellationToken cancellationToken = default)
    {
        var snapshot = await LoadAsync(cancellationToken);
        return snapshot.Plans.FirstOrDefault(p => p.Id == planId) ?? snapshot.Default;
    }

    /// <summary>The plan an endpoint's request names in its <c>plan=</c> parameter (null: the default).</summary>
    public Task<PlanOverview?> GetAsync(Microsoft.AspNetCore.Http.HttpContext context, CancellationToken cancellationToken = default) =>
        GetAsync(int.TryParse(context.Request.Query[PlanOverview.QueryName], out var id) ? id : null, cancellationToken);

    /// <summary>Every plan, newest year first.</summary>
    public async Task<IReadOnlyList<PlanOverview>> ListAsync(CancellationToken cancellationToken = default) => (await LoadAsync(cancellationToken)).Plans;

    /// <summary>The lead units named in a plan, for filters, in Chinese order.</summary>
    public async Task<IReadOnlyList<string>> LeadUnitsAsync(int planId, CancellationToken cancellationToken = default) =>
        (await LoadAsync(cancellationToken)).LeadUnits.GetValueOrDefault(planId) ?? [];

    /// <summary>Forget the loaded plans: the next call reads them again (after an import, an archiving or a re-opening).</summary>
    public void Invalidate() => _snapshot = null;

    private async Task<Snapshot> LoadAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_snapshot is { } fresh && now - fresh.LoadedAt < Lifetime)
        {
            return fresh;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot is { } loaded && now - loaded.LoadedAt < Lifetime)
            {
                return loaded;
            }

            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var plans = await db.Plans.AsNoTracking()
                .OrderByDescending(p => p.Year).ThenByDescending(p => p.Id)
                .Select(p => new
                {
                    Overview = new PlanOverview(p.Id, p.Title, p.DocumentNumber, p.Year,
                        p.Domains.OrderBy(d => d.Number).Select(d => new DomainOption(d.Id, d.Number, d.Name)).ToList()),
                    Archived = p.ArchivedAt != null,
                })
                .ToListAsync(cancellationToken);
            var defaultId = (plans.FirstOrDefault(p => !p.Archived) ?? plans.FirstOrDefault())?.Overview.Id;
            var overviews = plans.Select(p => p.Overview with { IsArchived = p.Archived, IsDefault = p.Overview.Id == defaultId }).ToList();

            var names = await db.PlanTaskLeadUnits.AsNoTracking()
                .Select(l => new { l.PlanTask.PlanId, l.LeadUnit.Name })
                .Distinct()
                .ToListAsync(cancellationToken);
            // Chinese collation differs between SQLite and PostgreSQL; sort here for one order everywhere.
            var units = names.GroupBy(n => n.PlanId)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(n => n.Name).Order(ChineseOrder).ToList());

            // An empty database is not cached, so the first import shows at once.
            var snapshot = new Snapshot(now, overviews, units);
            _snapshot = overviews.Count == 0 ? null : snapshot;
            return snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }
}
