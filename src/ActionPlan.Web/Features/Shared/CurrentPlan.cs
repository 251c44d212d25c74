using ActionPlan.Data;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Features.Shared;

/// <summary>
/// The plan the portal shows (the newest year), its domains and the lead units it names. A plan's text
/// never changes after import, so this is read at most once a minute for the whole server rather than on
/// every page; a plan imported by <c>plan import</c> in another process shows within that minute.
/// </summary>
public sealed class CurrentPlan(IDbContextFactory<AppDbContext> contexts, TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Snapshot? _snapshot;

    private sealed record Snapshot(DateTimeOffset LoadedAt, PlanOverview? Overview, IReadOnlyList<string> LeadUnits);

    /// <summary>Drops the cached plan, so a plan imported in this process (上传计划) shows on the next page.</summary>
    public void Invalidate() => _snapshot = null;

    public async Task<PlanOverview?> GetAsync(CancellationToken cancellationToken = default) => (await LoadAsync(cancellationToken)).Overview;

    /// <summary>The lead units named in the current plan, for filters, in Chinese order.</summary>
    public async Task<IReadOnlyList<string>> LeadUnitsAsync(CancellationToken cancellationToken = default) => (await LoadAsync(cancellationToken)).LeadUnits;

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
            var overview = await db.Plans.AsNoTracking()
                .OrderByDescending(p => p.Year).ThenByDescending(p => p.Id)
                .Select(p => new PlanOverview(p.Id, p.Title, p.DocumentNumber, p.Year,
                    p.Domains.OrderBy(d => d.Number).Select(d => new DomainOption(d.Id, d.Number, d.Name)).ToList()))
                .FirstOrDefaultAsync(cancellationToken);
            IReadOnlyList<string> units = [];
            if (overview is not null)
            {
                var names = await db.PlanTaskLeadUnits.AsNoTracking()
                    .Where(l => l.PlanTask.PlanId == overview.Id)
                    .Select(l => l.LeadUnit.Name)
                    .Distinct()
                    .ToListAsync(cancellationToken);
                // Chinese collation differs between SQLite and PostgreSQL; sort here for one order everywhere.
                units = names.Order(StringComparer.Create(new System.Globalization.CultureInfo("zh-CN"), false)).ToList();
            }

            // An empty database is not cached, so the first import shows at once.
            _snapshot = overview is null ? null : new Snapshot(now, overview, units);
            return _snapshot ?? new Snapshot(now, null, units);
        }
        finally
        {
            _gate.Release();
        }
    }
}
