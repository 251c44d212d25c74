using ActionPlan.Data;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Features.Tasks;

public sealed record DomainOption(int Id, int Number, string Name);

public sealed record PlanOverview(int Id, string Title, string DocumentNumber, int Year, IReadOnlyList<DomainOption> Domains);

/// <summary>
/// The plan the portal shows (the newest year) with its domains, read once per circuit or request:
/// a plan's text never changes after import, so pages and the app bar share one read.
/// </summary>
public sealed class CurrentPlan(IDbContextFactory<AppDbContext> contexts)
{
    private PlanOverview? _overview;
    private bool _loaded;
    private IReadOnlyList<string>? _leadUnits;

    public async Task<PlanOverview?> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_loaded)
        {
            return _overview;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        _overview = await db.Plans.AsNoTracking()
            .OrderByDescending(p => p.Year).ThenByDescending(p => p.Id)
            .Select(p => new PlanOverview(p.Id, p.Title, p.DocumentNumber, p.Year,
                p.Domains.OrderBy(d => d.Number).Select(d => new DomainOption(d.Id, d.Number, d.Name)).ToList()))
            .FirstOrDefaultAsync(cancellationToken);
        _loaded = true;
        return _overview;
    }

    /// <summary>The lead units named in the current plan, for filters; read only by pages that need it.</summary>
    public async Task<IReadOnlyList<string>> LeadUnitsAsync(CancellationToken cancellationToken = default)
    {
        if (_leadUnits is not null)
        {
            return _leadUnits;
        }

        var plan = await GetAsync(cancellationToken);
        if (plan is null)
        {
            return _leadUnits = [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var names = await db.PlanTaskLeadUnits.AsNoTracking()
            .Where(l => l.PlanTask.PlanId == plan.Id)
            .Select(l => l.LeadUnit.Name)
            .Distinct()
            .ToListAsync(cancellationToken);
        // Chinese collation differs between SQLite and PostgreSQL; sort here for one order everywhere.
        _leadUnits = names.Order(StringComparer.Create(new System.Globalization.CultureInfo("zh-CN"), false)).ToList();
        return _leadUnits;
    }
}
