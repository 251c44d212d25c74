using System.Collections.Concurrent;
using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Features.Rounds;

/// <summary>
/// 报送与督办 for the 总览 and the 调度通报: one round's reports per lead unit, the open 督办单 by level and the
/// extensions granted, within the caller's scope. One query whatever the plan's size (a UNION ALL of the
/// per-unit groups and one row of the round and the counts), so the pages that show it stay within their
/// round trips. Kept per plan, scope and month for a few seconds (the constructor's lifetime; none when zero; for one
/// more lifetime expired figures are still served while one recount runs behind them), emptied by
/// every save in this instance that changes what it counts (<see cref="ReportingDataSaved"/>), not by the
/// 总览's PlanDataVersion: reports and slips change without one.
/// </summary>
public sealed class RoundReportingFigures
{
    private const int UnitRow = 0;
    private const int TotalsRow = 1;

    private readonly ConcurrentDictionary<(int PlanId, int? UnitId, DateOnly? Month), (long At, Task<ReportingFigures> Figures)> _kept = new();
    private readonly IDbContextFactory<AppDbContext> _contexts;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;
    private long _generation;

    public RoundReportingFigures(IDbContextFactory<AppDbContext> contexts, ReportingDataSaved? saved = null, TimeProvider? time = null, TimeSpan lifetime = default)
    {
        _contexts = contexts;
        _time = time ?? TimeProvider.System;
        _lifetime = lifetime;
        if (saved is not null)
        {
            saved.Saved += () =>
            {
                Interlocked.Increment(ref _generation);
                _kept.Clear();
            };
        }
    }

    /// <summary>
    /// The figures of the current round (the newest open one, else the newest), or with <paramref name="month"/>
    /// (its first day) of the round whose period covers that month, else the current one; kept for a few seconds.
    /// </summary>
    public Task<ReportingFigures> LoadAsync(AccessScope scope, int planId, DateOnly? month = null, CancellationToken cancellationToken = default)
    {
        if (_lifetime <= TimeSpan.Zero)
        {
            return CountAsync(scope, planId, month, cancellationToken);
        }

        var key = (planId, scope.SeesAllTasks ? (int?)null : scope.LeadUnitId ?? -1, month);
        var now = _time.GetTimestamp();
        if (_kept.TryGetValue(key, out var entry) && !entry.Figures.IsFaulted)
        {
            if (_time.GetElapsedTime(entry.At, now) < _lifetime)
            {
                return entry.Figures;
            }

            // Expired but counted: this request still gets those figures and one recount starts behind it, so
            // nobody waits for the whole round's aggregate (a save in this instance empties them at once).
            if (entry.Figures.IsCompletedSuccessfully && _time.GetElapsedTime(entry.At, now) < 2 * _lifetime
                && _kept.TryUpdate(key, (now, entry.Figures), entry))
            {
                Recount(scope, planId, month, key, now);
                return entry.Figures;
            }
        }

        foreach (var (oldKey, old) in _kept)
        {
            if (_time.GetElapsedTime(old.At, now) >= _lifetime)
            {
                _kept.TryRemove(new KeyValuePair<(int, int?, DateOnly?), (long, Task<ReportingFigures>)>(oldKey, old));
            }
        }

        var generation = Interlocked.Read(ref _generation);
        var figures = CountAsync(scope, planId, month, CancellationToken.None);
        _kept[key] = (now, figures);
        DropIfSavedMeanwhile(key, now, figures, generation);
        return figures;
    }

    /// <summary>Counts again behind the kept figures and puts the new ones in their place once counted.</summary>
    private void Recount(AccessScope scope, int planId, DateOnly? month, (int, int?, DateOnly?) key, long at)
    {
        var generation = Interlocked.Read(ref _generation);
        _ = CountAsync(scope, planId, month, CancellationToken.None).ContinueWith(
            counted =>
            {
                if (counted.IsCompletedSuccessfully && Interlocked.Read(ref _generation) == generation
                    && _kept.TryGetValue(key, out var current) && current.At == at)
                {
                    _kept.TryUpdate(key, (_time.GetTimestamp(), counted), current);
                }
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>A load that ran while a save emptied the kept figures may have read the data before that save: not kept.</summary>
    private void DropIfSavedMeanwhile((int, int?, DateOnly?) key, long at, Task<ReportingFigures> figures, long generation) =>
        _ = figures.ContinueWith(
            _ =>
            {
                if (Interlocked.Read(ref _generation) != generation)
                {
                    _kept.TryRemove(new KeyValuePair<(int, int?, DateOnly?), (long, Task<ReportingFigures>)>(key, (at, figures)));
                }
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    /// <summary>The figures counted in the database: one query.</summary>
    public async Task<ReportingFigures> CountAsync(AccessScope scope, int planId, DateOnly? month = null, CancellationToken cancellationToken = default)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var first = month ?? DateOnly.MaxValue;
        var last = month is { } m ? m.AddMonths(1).AddDays(-1) : DateOnly.MinValue;
        // Covering the month first (none does without a month), then open before closed, then newest.
        var chosen = db.ReportingRounds.Where(r => r.PlanId == planId)
            .OrderBy(r => r.PeriodStart <= last && r.PeriodEnd >= first ? 0 : 1)
            .ThenBy(r => r.ClosedAt == null ? 0 : 1)
            .ThenByDescending(r => r.PeriodStart)
            .ThenByDescending(r => r.Id)
            .Select(r => (int?)r.Id);
        var round = db.ReportingRounds.Where(r => r.Id == chosen.FirstOrDefault());

        var expected = ExpectedReports.Visible(db, scope);
        var units = expected.Where(e => e.RoundId == chosen.FirstOrDefault())
            .Select(e => new
            {
                e.LeadUnitId,
                e.LeadUnit.Name,
                Submitted = e.FirstSubmittedOn != null,
                Late = e.FirstSubmittedOn > e.Round.DueOn,
                Approved = e.Submission != null && e.Submission.Report.State == ReviewState.Approved,
                Returned = e.Submission != null && e.Submission.Report.State == ReviewState.Returned,
            })
            .GroupBy(e => new { e.LeadUnitId, e.Name })
            .Select(g => new Row
            {
                Kind = UnitRow,
                Key = g.Key.LeadUnitId,
                Name = g.Key.Name,
                PeriodStart = null,
                PeriodEnd = null,
                DueOn = null,
                Open = false,
                A = g.Count(),
                B = g.Count(x => x.Submitted),
                C = g.Count(x => x.Late),
                D = g.Count(x => x.Approved),
                E = g.Count(x => x.Returned),
            });

        var tasks = scope.Apply(db.PlanTasks).Where(t => t.PlanId == planId);
        var slips = db.SupervisionSlips.Where(s => s.PlanTask.PlanId == planId && s.ClosedAt == null && s.EscalatedAt == null);
        slips = scope.SeesAllTasks ? slips : slips.Where(s => s.Recipients.Any(r => r.LeadUnitId == scope.LeadUnitId));
        var approved = db.ExtensionRequests.Where(x => x.State == ExtensionState.Approved && x.Milestone.PlanTask.PlanId == planId);
        approved = scope.SeesAllTasks ? approved : approved.Where(x => x.LeadUnitId == scope.LeadUnitId);
        var moved = db.Milestones.Where(ms => ms.OriginalDue != null && tasks.Any(t => t.Id == ms.PlanTaskId));
        var totals = db.Plans.Where(p => p.Id == planId)
            .Select(p => new Row
            {
                Kind = TotalsRow,
                Key = round.Select(r => r.Id).FirstOrDefault(),
                Name = round.Select(r => r.Name).FirstOrDefault(),
                PeriodStart = round.Select(r => (DateOnly?)r.PeriodStart).FirstOrDefault(),
                PeriodEnd = round.Select(r => (DateOnly?)r.PeriodEnd).FirstOrDefault(),
                DueOn = round.Select(r => (DateOnly?)r.DueOn).FirstOrDefault(),
                Open = round.Any(r => r.ClosedAt == null),
                A = slips.Count(s => s.Level == SlipLevel.Blue),
                B = slips.Count(s => s.Level == SlipLevel.Yellow),
                C = slips.Count(s => s.Level == SlipLevel.Red),
                D = approved.Count(),
                E = moved.Count(),
            });

        var rows = await units.Concat(totals).AsNoTracking().ToListAsync(cancellationToken);
        var head = rows.SingleOrDefault(r => r.Kind == TotalsRow);
        var slipCounts = new SlipCounts(head?.A ?? 0, head?.B ?? 0, head?.C ?? 0);
        if (head is not { Name: { } name, PeriodStart: { } start, PeriodEnd: { } end, DueOn: { } due })
        {
            return new ReportingFigures(null, RoundFigures.None, [], slipCounts, head?.D ?? 0, head?.E ?? 0);
        }

        var perUnit = rows.Where(r => r.Kind == UnitRow)
            .Select(r => new UnitReportFigures(r.Key, r.Name!, Figures(r.A, r.B, r.C, r.D, r.E)))
            .OrderByDescending(u => u.Figures.Missing).ThenByDescending(u => u.Figures.Late).ThenBy(u => u.Unit, StringComparer.Ordinal)
            .ToList();
        var all = Figures(perUnit.Sum(u => u.Figures.Expected), perUnit.Sum(u => u.Figures.Submitted), perUnit.Sum(u => u.Figures.Late),
            perUnit.Sum(u => u.Figures.Approved), perUnit.Sum(u => u.Figures.Returned));
        return new ReportingFigures(new RoundHeading(head.Key, name, start, end, due, head.Open), all, perUnit, slipCounts, head.D, head.E);
    }

    private static RoundFigures Figures(int expected, int submitted, int late, int approved, int returned) =>
        new(expected, submitted, approved, returned, submitted - approved - returned, expected - submitted, late);

    /// <summary>One row of the union: a unit's counts (A expected, B submitted, C late, D approved, E returned), or the round and the counts (A–C slips blue, yellow, red; D approved requests; E moved milestones).</summary>
    private sealed class Row
    {
        public int Kind { get; init; }
        public int Key { get; init; }
        public string? Name { get; init; }
        public DateOnly? PeriodStart { get; init; }
        public DateOnly? PeriodEnd { get; init; }
        public DateOnly? DueOn { get; init; }
        public bool Open { get; init; }
        public int A { get; init; }
        public int B { get; init; }
        public int C { get; init; }
        public int D { get; init; }
        public int E { get; init; }
    }
}
