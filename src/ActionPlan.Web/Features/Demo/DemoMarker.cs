using ActionPlan.Data;
using ActionPlan.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Features.Demo;

/// <summary>
/// Whether this database holds a played demo history: one audit row written when the play ends. Every page's
/// header asks (to show 演示数据), so the answer is kept once known; it can only turn from false to true, at start-up.
/// </summary>
public sealed class DemoMarker(IDbContextFactory<AppDbContext> contexts)
{
    private static readonly string Action = AuditNames.Of(AuditAction.PlayDemoHistory);
    private bool? _marked;

    public static Task<bool> IsMarkedAsync(AppDbContext db, CancellationToken cancellationToken = default) =>
        db.AuditEntries.AnyAsync(a => a.EntityType == AuditNames.PlanEntity && a.Action == Action, cancellationToken);

    public static void Mark(AppDbContext db, AuditWriter audit, int planId, DateOnly from, DateOnly until) =>
        audit.DemoPlayed(db, planId, new AuditChange(AuditField.DemoHistory, null, $"{from:yyyy-MM-dd} 至 {until:yyyy-MM-dd}"),
            "演示数据：由演示账号按模拟日期办理的进展、报送、审核、督办、延期、销号和调度通报，仅供演示。");

    public async Task<bool> IsDemoAsync(CancellationToken cancellationToken = default)
    {
        if (_marked is { } known)
        {
            return known;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var marked = await IsMarkedAsync(db, cancellationToken);
        _marked = marked;
        return marked;
    }

    /// <summary>Forgets the answer (the play has just written the marker).</summary>
    public void Reset() => _marked = null;
}
