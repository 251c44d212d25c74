using System.Linq.Expressions;
using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Audit;
using ActionPlan.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Features.Rounds;

/// <summary>
/// 调度轮次: the office opens a round, units report into it through the usual report form, the office
/// sees who has and has not reported, chases by hand and closes it. Every read is a fixed number of
/// queries that count in the database; opening a round writes the round alone (see <see cref="ExpectedReports"/>).
/// </summary>
public sealed class ReportingRounds(IDbContextFactory<AppDbContext> contexts, PortalClock clock, AuditWriter audit, RoundNotifier notifier, ILogger<ReportingRounds> logger)
{
    public const int NameLength = 100;
    public const int NoteLength = 500;

    /// <summary>How many tasks and expected reports a round would have (for the dialog, before it opens).</summary>
    public async Task<(int Tasks, int Reports)> PreviewAsync(int planId, int? domainNumber, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var links = Covered(db, planId, domainNumber);
        var counts = await links.GroupBy(_ => 1).Select(g => new { Reports = g.Count(), Tasks = g.Select(l => l.PlanTaskId).Distinct().Count() }).FirstOrDefaultAsync(cancellationToken);
        return counts is null ? (0, 0) : (counts.Tasks, counts.Reports);
    }

    public async Task<RoundResult> OpenAsync(AccessScope scope, int planId, RoundInput input, CancellationToken cancellationToken = default)
    {
        if (!scope.CanEditTasks)
        {
            return RoundResult.Fail("只有省营转办可以开启调度轮次。");
        }

        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return RoundResult.Fail("请填写轮次名称，例如“2022年6月调度”。", nameof(RoundInput.Name));
        }

        if (name.Length > NameLength)
        {
            return RoundResult.Fail($"轮次名称最多 {NameLength} 个字。", nameof(RoundInput.Name));
        }

        if (input.PeriodStart is not { } startTime)
        {
            return RoundResult.Fail("请选择调度期间的开始日期。", nameof(RoundInput.PeriodStart));
        }

        if (input.PeriodEnd is not { } endTime)
        {
            return RoundResult.Fail("请选择调度期间的结束日期。", nameof(RoundInput.PeriodEnd));
        }

        if (input.DueOn is not { } dueTime)
        {
            return RoundResult.Fail("请选择报送截止日期。", nameof(RoundInput.DueOn));
        }

        var (start, end, due) = (DateOnly.FromDateTime(startTime), DateOnly.FromDateTime(endTime), DateOnly.FromDateTime(dueTime));
        if (end < start)
        {
            return RoundResult.Fail("结束日期不能早于开始日期。", nameof(RoundInput.PeriodEnd));
        }

        if (due < start)
        {
            return RoundResult.Fail("报送截止日期不能早于调度期间的开始日期。", nameof(RoundInput.DueOn));
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        int? domainId = null;
        if (input.DomainNumber is { } number)
        {
            domainId = await db.Domains.Where(d => d.PlanId == planId && d.Number == number).Select(d => (int?)d.Id).FirstOrDefaultAsync(cancellationToken);
            if (domainId is null)
            {
                return RoundResult.Fail("所选领域不存在。", nameof(RoundInput.DomainNumber));
            }
        }

        if (await db.ReportingRounds.AnyAsync(r => r.PlanId == planId && r.Name == name, cancellationToken))
        {
            return RoundResult.Fail($"已有名为“{name}”的调度轮次，请换一个名称。", nameof(RoundInput.Name));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var round = new ReportingRound
        {
            PlanId = planId, Name = name, PeriodStart = start, PeriodEnd = end, DueOn = due, DomainId = domainId,
            OpenedAt = clock.Now, OpenedBy = scope.UserName,
        };
        db.ReportingRounds.Add(round);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another office user opened a round of the same name at the same moment.
            return RoundResult.Fail($"已有名为“{name}”的调度轮次，请换一个名称。", nameof(RoundInput.Name));
        }

        // Nothing more is written, whatever the plan's size: what the round expects is its tasks × their units,
        // counted when read (ExpectedReports). The count for the message and the audit is one aggregate.
        var expected = await ExpectedReports.Of(db).CountAsync(e => e.RoundId == round.Id, cancellationToken);
        audit.RoundChanged(db, scope, round.Id, AuditAction.OpenRound,
            new AuditChange(AuditField.RoundState, null, $"{name}：{start:yyyy-MM-dd}–{end:yyyy-MM-dd}，{due:yyyy-MM-dd} 前报送，应报 {expected} 份"));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("{User} opened reporting round {Round} ({Name}) with {Expected} expected reports", scope.UserName, round.Id, name, expected);
        return RoundResult.Ok($"已开启“{name}”，应报 {expected} 份，{StatusText.LongDate(due)}前报送。", round.Id);
    }

    public async Task<RoundResult> CloseAsync(AccessScope scope, int roundId, CancellationToken cancellationToken = default)
    {
        if (!scope.CanEditTasks)
        {
            return RoundResult.Fail("只有省营转办可以结束调度轮次。");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var round = await db.ReportingRounds.FirstOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null)
        {
            return RoundResult.Fail("调度轮次不存在。");
        }

        if (round.ClosedAt is not null)
        {
            return RoundResult.Fail($"“{round.Name}”已于 {StatusText.ShortDate(DateOnly.FromDateTime(round.ClosedAt.Value.UtcDateTime))} 结束。");
        }

        // From now on the round's tasks are those not 销号 at this moment; a task closed or re-opened at the same
        // time waits for this (or this for it), so it keeps the round as it was (ExpectedReports.KeepInClosedRoundsAsync).
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await ExpectedReports.LockAsync(db, cancellationToken);
        round.ClosedAt = clock.Now;
        round.ClosedBy = scope.UserName;
        audit.RoundChanged(db, scope, round.Id, AuditAction.CloseRound, new AuditChange(AuditField.RoundState, "进行中", "已结束"));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return RoundResult.Ok($"“{round.Name}”已结束；此后的报送不再计入本轮。", round.Id);
    }

    /// <summary>A chase by hand (催报): the unit's users are notified; every chase is kept and audited.</summary>
    public async Task<RoundResult> ChaseAsync(AccessScope scope, int roundId, int unitId, string? note, CancellationToken cancellationToken = default)
    {
        if (!scope.CanEditTasks)
        {
            return RoundResult.Fail("只有省营转办可以催报。");
        }

        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note?.Length > NoteLength)
        {
            return RoundResult.Fail($"催报说明最多 {NoteLength} 个字。", "Note");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var round = await db.ReportingRounds.Where(r => r.Id == roundId).Select(r => new { r.Name, r.ClosedAt, Archived = r.Plan.ArchivedAt != null }).FirstOrDefaultAsync(cancellationToken);
        if (round is null)
        {
            return RoundResult.Fail("调度轮次不存在。");
        }

        if (round.ClosedAt is not null)
        {
            return RoundResult.Fail("本轮已结束，不能再催报。");
        }

        // A chase is not the plan's own row (the archive guard does not see it): an archived plan is chased by nobody.
        if (round.Archived)
        {
            return RoundResult.Fail("该轮次所属的计划已归档，不能再催报。");
        }

        var missing = await ExpectedReports.Of(db).CountAsync(e => e.RoundId == roundId && e.LeadUnitId == unitId && e.FirstSubmittedOn == null, cancellationToken);
        var unit = await db.LeadUnits.Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync(cancellationToken);
        if (unit is null || missing == 0)
        {
            return RoundResult.Fail(unit is null ? "单位不存在。" : $"{unit}本轮没有未报送的任务，无需催报。");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var batch = await notifier.NextBatchAsync(db, cancellationToken);
        db.ReportChases.Add(new ReportChase { RoundId = roundId, LeadUnitId = unitId, By = scope.UserName, Note = note, Missing = missing, At = clock.Now, BatchOrder = batch });
        audit.RoundChanged(db, scope, roundId, AuditAction.Chase, new AuditChange(AuditField.ChasedUnit, null, $"{unit}：未报送 {missing} 份"), note);
        await db.SaveChangesAsync(cancellationToken);
        var notified = await notifier.NotifyChasesAsync(db, batch, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        notifier.Publish();
        return RoundResult.Ok($"已向{unit}催报（未报送 {missing} 份，通知 {notified} 个账号）。");
    }

    /// <summary>Every round of the plan, newest first, each with its figures: two queries.</summary>
    public async Task<IReadOnlyList<RoundSummary>> ListAsync(AccessScope scope, int planId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rounds = await db.ReportingRounds.AsNoTracking().Where(r => r.PlanId == planId)
            .OrderByDescending(r => r.PeriodStart).ThenByDescending(r => r.Id)
            .Select(r => new { r.Id, r.Name, r.PeriodStart, r.PeriodEnd, r.DueOn, Domain = r.Domain != null ? r.Domain.Name : null, r.OpenedAt, r.OpenedBy, r.ClosedAt, r.ClosedBy })
            .ToListAsync(cancellationToken);
        var figures = await Figures(Flat(ExpectedReports.Visible(db, scope).Where(e => e.Round.PlanId == planId)), x => x.RoundId, cancellationToken);
        return rounds.Select(r => new RoundSummary(r.Id, r.Name, r.PeriodStart, r.PeriodEnd, r.DueOn, r.Domain, r.OpenedAt, r.OpenedBy, r.ClosedAt, r.ClosedBy,
            figures.GetValueOrDefault(r.Id, RoundFigures.None))).ToList();
    }

    /// <summary>One round, or null when it does not exist (or is another plan's).</summary>
    public async Task<RoundSummary?> GetAsync(AccessScope scope, int roundId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var round = await db.ReportingRounds.AsNoTracking().Where(r => r.Id == roundId)
            .Select(r => new { r.Id, r.Name, r.PeriodStart, r.PeriodEnd, r.DueOn, Domain = r.Domain != null ? r.Domain.Name : null, r.OpenedAt, r.OpenedBy, r.ClosedAt, r.ClosedBy })
            .FirstOrDefaultAsync(cancellationToken);
        if (round is null)
        {
            return null;
        }

        var figures = await Figures(Flat(ExpectedReports.Visible(db, scope).Where(e => e.RoundId == roundId)), x => x.RoundId, cancellationToken);
        return new RoundSummary(round.Id, round.Name, round.PeriodStart, round.PeriodEnd, round.DueOn, round.Domain, round.OpenedAt, round.OpenedBy, round.ClosedAt, round.ClosedBy,
            figures.GetValueOrDefault(round.Id, RoundFigures.None));
    }

    /// <summary>Per lead unit: the round's figures and the chases (two queries).</summary>
    public async Task<IReadOnlyList<UnitRoundRow>> UnitsAsync(AccessScope scope, int roundId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var expected = ExpectedReports.Visible(db, scope).Where(e => e.RoundId == roundId);
        var figures = await Figures(Flat(expected), x => x.LeadUnitId, cancellationToken);
        var units = await db.LeadUnits.AsNoTracking().Where(u => expected.Any(e => e.LeadUnitId == u.Id))
            .Select(u => new
            {
                u.Id, u.Name,
                Chases = db.ReportChases.Count(c => c.RoundId == roundId && c.LeadUnitId == u.Id),
                Last = db.ReportChases.Where(c => c.RoundId == roundId && c.LeadUnitId == u.Id).OrderByDescending(c => c.BatchOrder).Select(c => (DateTimeOffset?)c.At).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return units.Select(u => new UnitRoundRow(u.Id, u.Name, figures.GetValueOrDefault(u.Id, RoundFigures.None), u.Chases, u.Last))
            .OrderByDescending(u => u.Figures.Missing).ThenByDescending(u => u.Figures.Late).ThenBy(u => u.Unit, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Expected reports, one row each: of one round (<paramref name="roundId"/>), or, with null, of every open
    /// round (a unit's 本期待报送); always within the caller's scope. One query.
    /// </summary>
    public async Task<IReadOnlyList<ExpectedReportRow>> ItemsAsync(AccessScope scope, int? roundId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var expected = ExpectedReports.Visible(db, scope);
        expected = roundId is { } id ? expected.Where(e => e.RoundId == id) : expected.Where(e => e.Round.ClosedAt == null);
        var rows = await expected.AsNoTracking()
            .OrderBy(e => e.Round.DueOn).ThenBy(e => e.PlanTask.Number).ThenBy(e => e.LeadUnit.Name)
            .Select(e => new
            {
                e.RoundId, RoundName = e.Round.Name, e.Round.DueOn, Open = e.Round.ClosedAt == null,
                e.PlanTask.Number, e.PlanTask.Title, e.PlanTask.PlanId, Unit = e.LeadUnit.Name,
                State = e.Submission != null ? (ReviewState?)e.Submission.Report.State : null, e.FirstSubmittedOn, e.ReportId,
                ReturnReason = e.Submission != null ? e.Submission.Report.ReturnReason : null,
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new ExpectedReportRow(r.RoundId, r.RoundName, r.DueOn, r.Open, r.Number, r.Title, r.Unit, StateOf(r.FirstSubmittedOn, r.State), r.FirstSubmittedOn, r.ReportId, r.ReturnReason) { PlanId = r.PlanId }).ToList();
    }

    /// <summary>
    /// Links a report being submitted to the open round that expects it from this unit (the one it was started
    /// in, else the one due first), in the caller's transaction: the round then counts it, late if after its due
    /// day. A revision after 退回 replaces the report the round counts and keeps the day it first came.
    /// </summary>
    public async Task AttachAsync(AppDbContext db, ProgressReport report, CancellationToken cancellationToken = default)
    {
        var found = await ExpectedReports.Of(db)
            .Where(e => e.PlanTaskId == report.PlanTaskId && e.LeadUnitId == report.LeadUnitId && e.Round.ClosedAt == null)
            .OrderBy(e => report.RoundId == e.RoundId ? 0 : 1).ThenBy(e => e.Round.DueOn).ThenBy(e => e.RoundId)
            .Select(e => new { e.RoundId, Received = e.Submission })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return;
        }

        report.RoundId = found.RoundId;
        if (found.Received is { } received)
        {
            received.Report = report;
        }
        else
        {
            db.RoundSubmissions.Add(new RoundSubmission
            {
                RoundId = found.RoundId, PlanTaskId = report.PlanTaskId, LeadUnitId = report.LeadUnitId, Report = report, FirstSubmittedOn = clock.Today,
            });
        }
    }

    public static ExpectedReportState StateOf(DateOnly? firstSubmittedOn, ReviewState? state) =>
        firstSubmittedOn is null ? ExpectedReportState.Missing
        : state switch
        {
            ReviewState.Approved => ExpectedReportState.Approved,
            ReviewState.Returned => ExpectedReportState.Returned,
            _ => ExpectedReportState.Submitted,
        };

    /// <summary>The tasks × lead units a round over the plan (and domain) expects; a closed (销号) task is not asked.</summary>
    private static IQueryable<PlanTaskLeadUnit> Covered(AppDbContext db, int planId, int? domainNumber) =>
        db.PlanTaskLeadUnits.Where(l => l.PlanTask.PlanId == planId && l.PlanTask.ClosedAt == null && (domainNumber == null || l.PlanTask.Domain.Number == domainNumber));

    private static IQueryable<FlatExpected> Flat(IQueryable<ExpectedReport> expected) => expected.Select(e => new FlatExpected
    {
        RoundId = e.RoundId,
        LeadUnitId = e.LeadUnitId,
        Submitted = e.FirstSubmittedOn != null,
        Approved = e.Submission != null && e.Submission.Report.State == ReviewState.Approved,
        Returned = e.Submission != null && e.Submission.Report.State == ReviewState.Returned,
        Late = e.FirstSubmittedOn > e.Round.DueOn,
    });

    /// <summary>The figures per key (round or unit), counted in the database: one query.</summary>
    private static async Task<Dictionary<int, RoundFigures>> Figures(IQueryable<FlatExpected> rows, Expression<Func<FlatExpected, int>> key, CancellationToken cancellationToken)
    {
        var groups = await rows.GroupBy(key)
            .Select(g => new
            {
                g.Key,
                Expected = g.Count(),
                Submitted = g.Count(x => x.Submitted),
                Approved = g.Count(x => x.Approved),
                Returned = g.Count(x => x.Returned),
                Late = g.Count(x => x.Late),
            })
            .ToListAsync(cancellationToken);
        return groups.ToDictionary(g => g.Key, g => new RoundFigures(
            g.Expected, g.Submitted, g.Approved, g.Returned, g.Submitted - g.Approved - g.Returned, g.Expected - g.Submitted, g.Late));
    }

    /// <summary>One expected report reduced to what the figures count.</summary>
    private sealed class FlatExpected
    {
        public int RoundId { get; init; }
        public int LeadUnitId { get; init; }
        public bool Submitted { get; init; }
        public bool Approved { get; init; }
        public bool Returned { get; init; }
        public bool Late { get; init; }
    }
}
