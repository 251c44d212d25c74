using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Audit;
using ActionPlan.Web.Features.Closing;
using ActionPlan.Web.Features.Deadlines;
using ActionPlan.Web.Features.Dispatch;
using ActionPlan.Web.Features.Extensions;
using ActionPlan.Web.Features.Reports;
using ActionPlan.Web.Features.Rounds;
using ActionPlan.Web.Features.Shared;
using ActionPlan.Web.Features.Slips;
using ActionPlan.Web.Features.Tasks;
using ActionPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Features.Demo;

/// <summary>
/// <c>Seed:DemoHistory</c>: plays a plausible spring of work on the freshly seeded plan through the real services,
/// each step at its own simulated moment (<see cref="SimulatedTime"/>), so history, audit, alerts, rounds and issued
/// 通报 are what the portal itself would have written. Deterministic: one seeded random source, tasks and units
/// in a fixed order, so the same plan always gives the same figures. Played once per database (an audit row marks
/// it), under the start-up lock, and never in Production (see <see cref="DemoServices"/>).
/// </summary>
public sealed class DemoHistory(
    IDbContextFactory<AppDbContext> contexts,
    SeedOptions seed,
    PortalClock clock,
    CurrentPlan currentPlan,
    AccountSeeder accounts,
    TaskWorkspace workspace,
    ProgressReports reports,
    ReportingRounds rounds,
    SupervisionSlips slips,
    DeadlineExtensions extensions,
    TaskClosing closing,
    DispatchIssues dispatch,
    DeadlineScanner deadlines,
    ReminderScanner reminders,
    DemoMarker marker,
    AuditWriter audit,
    ILogger<DemoHistory> logger)
{
    /// <summary>The first working day the office tracks the plan (鲁政办字〔2022〕28号 reached the units in early April 2022).</summary>
    public static readonly DateOnly Start = new(2022, 4, 6);

    /// <summary>The office's hours are Beijing time; every simulated moment is one of them.</summary>
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private static readonly AccessScope Office = new("office", true, null, true, false);

    private static readonly string[] StartTexts =
    [
        "已制定工作方案，明确责任分工和时间表，正在组织推进。",
        "已召开专题会议部署，细化任务清单，相关工作有序推进。",
        "已成立工作专班，梳理现行政策和流程，形成初步工作思路。",
        "已印发实施方案，建立周调度机制，正在抓好落实。",
    ];

    private static readonly string[] ReportTexts =
    [
        "本月按计划推进，已完成阶段性工作，下一步将加快推进剩余事项。",
        "已完成系统功能改造和内部测试，正在市县试点运行，收集问题并优化。",
        "已起草相关制度文件，完成征求意见，正在修改完善，按期提请印发。",
        "已在部分市先行先试，形成可复制经验做法，下一步在全省推广。",
        "已梳理事项清单和办事指南，完成线上平台对接，群众企业反映良好。",
        "已组织业务培训和政策解读，推动各市对标落实，进度符合预期。",
    ];

    private static readonly string[] LagTexts =
    [
        "涉及部门较多，协调难度大，进度慢于预期，正在加强会商推进。",
        "系统改造需要上级部门支持，目前仍在对接中，时间节点可能延后。",
        "受疫情影响，调研和现场工作未能按计划开展，正在调整工作安排。",
    ];

    private static readonly string[] ReturnReasons =
    [
        "佐证材料不足，请补充相关文件或工作台账后重新报送。",
        "进展情况表述笼统，请写明已完成的具体事项和量化数据。",
        "报送进度与时间节点完成情况不一致，请核实后重新报送。",
    ];

    private static readonly string[] ExtensionReasons =
    [
        "受疫情影响，现场核验和试点工作推迟，需延后完成。",
        "涉及多部门系统对接，接口改造尚未完成，申请延期。",
        "上位政策文件尚未出台，需待国家部委明确后同步推进。",
    ];

    /// <summary>A one-page PDF that passes the evidence check: the demo's 佐证材料.</summary>
    private static readonly byte[] EvidencePdf = System.Text.Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    private readonly Random _random = new(20220406);
    private readonly List<PendingRevision> _revisions = [];
    private readonly List<PendingSlip> _slips = [];
    private readonly List<(int RequestId, DateOnly On, bool Approve)> _decisions = [];
    private readonly HashSet<int> _finishers = [];
    private Dictionary<int, string> _unitUsers = [];
    private List<DemoTask> _tasks = [];
    private PlanOverview _plan = null!;
    private int _actions;

    /// <summary>What the play did, for the log and the tests.</summary>
    public sealed record Outcome(bool Played, DateOnly Until, int Actions);

    public async Task<Outcome> PlayIfWantedAsync(CancellationToken cancellationToken = default)
    {
        if (!seed.DemoHistory)
        {
            return new Outcome(false, Start, 0);
        }

        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (await DemoMarker.IsMarkedAsync(db, cancellationToken))
            {
                return new Outcome(false, Start, 0);
            }

            // Only a plan nobody has worked on yet gets a history: an office's real entries are never mixed with demo ones.
            if (await db.AuditEntries.AnyAsync(a => a.EntityType == AuditNames.TaskEntity, cancellationToken))
            {
                logger.LogWarning("Seed:DemoHistory is set but the plan already has recorded work; no demo history is played");
                return new Outcome(false, Start, 0);
            }

            var plan = await currentPlan.GetAsync(cancellationToken);
            if (plan is null)
            {
                return new Outcome(false, Start, 0);
            }

            _plan = plan;
        }

        var until = Until(clock.Today, _plan.Year);
        if (until < Start)
        {
            return new Outcome(false, Start, 0);
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        await PrepareAsync(cancellationToken);
        for (var day = Start; day <= until; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            await PlayDayAsync(day, day == until, cancellationToken);
        }

        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            DemoMarker.Mark(db, audit, _plan.Id, Start, until);
            await db.SaveChangesAsync(cancellationToken);
        }

        marker.Reset();
        logger.LogInformation("Played the demo history {Start}..{Until}: {Actions} actions in {Elapsed} ms", Start, until, _actions, started.ElapsedMilliseconds);
        return new Outcome(true, until, _actions);
    }

    /// <summary>The play ends on the portal's today, or at the end of the plan's year when today is later.</summary>
    public static DateOnly Until(DateOnly today, int planYear)
    {
        var end = new DateOnly(planYear, 12, 31);
        return today < end ? today : end;
    }

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        var demoAccounts = await accounts.DemoAccountsAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var unitIds = await db.LeadUnits.ToDictionaryAsync(u => u.Name, u => u.Id, StringComparer.Ordinal, cancellationToken);
        _unitUsers = demoAccounts.Where(a => a.LeadUnit is not null && unitIds.ContainsKey(a.LeadUnit))
            .ToDictionary(a => unitIds[a.LeadUnit!], a => a.UserName);

        var tasks = await db.PlanTasks.AsNoTracking().Where(t => t.PlanId == _plan.Id).OrderBy(t => t.Number)
            .Select(t => new
            {
                t.Id,
                t.Number,
                Units = t.LeadUnits.OrderBy(l => l.Position).Select(l => l.LeadUnitId).ToList(),
                Milestones = t.Milestones.OrderBy(m => m.Position).Select(m => m.Due).ToList(),
            })
            .ToListAsync(cancellationToken);

        // Most tasks start within the first five weeks; about one in twelve has not started by summer.
        _tasks = tasks.Select(t =>
        {
            var roll = _random.NextDouble();
            DateOnly? starts = roll < 0.08 ? null : WorkingDay(Start, (int)(roll * roll * 25));
            // About one started task in six lags: its reports move little and its milestones slip (督办 material).
            var lags = starts is not null && _random.NextDouble() < 0.17;
            return new DemoTask(t.Id, t.Number, t.Units.Where(_unitUsers.ContainsKey).ToList(), t.Milestones, starts, lags);
        }).ToList();

        // A few early finishers: started, one milestone due by the end of June at most, reported finished and closed.
        foreach (var task in _tasks.Where(t => t.Starts is not null && !t.Lags && t.Units.Count == 1 && t.Dues.Count <= 1 && t.Dues.All(d => d <= new DateOnly(_plan.Year, 6, 30))))
        {
            if (_finishers.Count < 8 && _random.NextDouble() < 0.5)
            {
                _finishers.Add(task.Id);
            }
        }
    }

    private async Task PlayDayAsync(DateOnly day, bool last, CancellationToken cancellationToken)
    {
        // 08:30 the scanners run as the background services would have that morning.
        using (SimulatedTime.Begin(At(day, 8, 30)))
        {
            await deadlines.ScanUntilCompleteAsync(cancellationToken);
            await reminders.ScanAsync(cancellationToken);
        }

        await StartTasksAsync(day, cancellationToken);
        await RoundCalendarAsync(day, cancellationToken);
        await SubmitReportsAsync(day, cancellationToken);
        await ReviseReturnedAsync(day, cancellationToken);
        await ReviewAsync(day, last, cancellationToken);
        await CloseFinishedAsync(day, cancellationToken);
        await SlipsAsync(day, cancellationToken);
        await ExtensionsAsync(day, cancellationToken);
        await IssueDispatchAsync(day, cancellationToken);
    }

    private async Task StartTasksAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var step = 0;
        foreach (var task in _tasks.Where(t => t.Starts == day))
        {
            using var _ = SimulatedTime.Begin(At(day, 9, 0).AddSeconds(15 * step++));
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var current = await db.PlanTasks.AsNoTracking().Include(t => t.Milestones).SingleAsync(t => t.Id == task.Id, cancellationToken);
            var lastAudit = await db.AuditEntries.Where(a => a.PlanTaskId == task.Id).MaxAsync(a => (long?)a.Id, cancellationToken) ?? 0;
            // Milestones already due before the office started tracking were mostly met on time.
            var milestones = current.Milestones.OrderBy(m => m.Position).Select(m =>
                m.Due < day && _random.NextDouble() < 0.85
                    ? new MilestoneEdit(m.Position, true, Clamp(m.Due.AddDays(-_random.Next(0, 12)), day))
                    : new MilestoneEdit(m.Position, m.IsDone, m.CompletedOn)).ToList();
            var edit = new TaskEdit(task.Number, current.Version, lastAudit, PlanTaskStatus.InProgress, _random.Next(5, 16),
                Pick(StartTexts), null, "启动实施", milestones);
            Expect((await workspace.SaveAsync(Office, _plan.Id, edit, cancellationToken)).Outcome is SaveOutcome.Saved or SaveOutcome.Unchanged, $"start task {task.Number}");
        }
    }

    /// <summary>A monthly round opens on the second Monday, reports are due on the 25th, it closes in the next month's first week.</summary>
    private async Task RoundCalendarAsync(DateOnly day, CancellationToken cancellationToken)
    {
        if (day.DayOfWeek == DayOfWeek.Monday && day.Day is >= 8 and <= 14)
        {
            using var _ = SimulatedTime.Begin(At(day, 9, 55));
            var result = await rounds.OpenAsync(Office, _plan.Id, RoundInput.Monthly(day), cancellationToken);
            Expect(result.Succeeded, $"open round {day}: {result.Message}");
            await PlanSubmissionsAsync(result.RoundId!.Value, day, cancellationToken);
        }

        if (day.Day is >= 4 and <= 8 && IsFirstWorkingDayFrom(day, 4))
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var previous = day.AddMonths(-1);
            var open = await db.ReportingRounds.Where(r => r.PlanId == _plan.Id && r.ClosedAt == null && r.PeriodEnd < new DateOnly(day.Year, day.Month, 1))
                .OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(cancellationToken);
            foreach (var round in open)
            {
                using var _ = SimulatedTime.Begin(At(day, 17, 10));
                Expect((await rounds.CloseAsync(Office, round, cancellationToken)).Succeeded, $"close round of {previous:yyyy-MM}");
            }
        }
    }

    /// <summary>When each unit will report on each task of the round: most before the due day, some late, a few never.</summary>
    private async Task PlanSubmissionsAsync(int roundId, DateOnly opened, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var due = await db.ReportingRounds.Where(r => r.Id == roundId).Select(r => r.DueOn).SingleAsync(cancellationToken);
        foreach (var task in _tasks.Where(t => t.Starts is { } s && s < due))
        {
            foreach (var unit in task.Units)
            {
                var roll = _random.NextDouble();
                DateOnly? on = roll switch
                {
                    < 0.80 => WorkingDay(opened, 1 + _random.Next(0, Math.Max(1, WorkingDaysBetween(opened, due)))),
                    < 0.92 => WorkingDay(due, 1 + _random.Next(0, 5)),
                    _ => null,
                };
                if (on is { } when)
                {
                    // Not before the task has started: a unit reports what it began.
                    var earliest = WorkingDay(task.Starts!.Value, 1);
                    task.Submissions.Add((unit, Min(when < earliest ? earliest : when, due.AddDays(10))));
                }
            }
        }
    }

    private async Task SubmitReportsAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var step = 0;
        foreach (var task in _tasks)
        {
            foreach (var (unit, _) in task.Submissions.Where(s => s.On == day).ToList())
            {
                task.Submissions.Remove((unit, day));
                // Each step its own moment, so the order of submissions (and of the reviews after them) is total.
                using var _ = SimulatedTime.Begin(At(day, 10, 0).AddSeconds(20 * step++));
                await SubmitAsync(task, unit, day, cancellationToken);
            }
        }
    }

    private async Task SubmitAsync(DemoTask task, int unit, DateOnly day, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var current = await db.PlanTasks.AsNoTracking().Where(t => t.Id == task.Id)
            .Select(t => new { t.Progress, t.ClosedAt, Open = t.Milestones.Where(m => !m.IsDone).OrderBy(m => m.Due).ThenBy(m => m.Position).Select(m => new { m.Position, m.Due }).ToList() })
            .SingleAsync(cancellationToken);
        if (current.ClosedAt is not null || await db.ProgressReports.AnyAsync(r => r.PlanTaskId == task.Id && r.LeadUnitId == unit && r.State == ReviewState.Submitted, cancellationToken))
        {
            return;
        }

        var finishing = _finishers.Contains(task.Id) && day >= new DateOnly(_plan.Year, 5, 16);
        // A final report completes what is left; an ordinary one the milestone coming due, if it is done.
        var next = finishing ? current.Open.FirstOrDefault() : current.Open.FirstOrDefault(m => m.Due <= day.AddDays(20));
        int? position = null;
        DateOnly? completedOn = null;
        if (next is not null && (finishing || (!task.Lags && _random.NextDouble() < 0.6)))
        {
            position = next.Position;
            // Mostly on time; a milestone reported after its deadline was often finished late too (逾期完成).
            var late = next.Due < day.AddDays(-1) ? _random.NextDouble() < 0.6 : _random.NextDouble() < 0.1;
            completedOn = Clamp(late ? next.Due.AddDays(1 + _random.Next(0, Math.Max(1, day.DayNumber - next.Due.DayNumber - 1))) : next.Due.AddDays(-_random.Next(0, 10)), day.AddDays(-1));
        }

        var progress = finishing ? 100 : Math.Min(90, current.Progress + (task.Lags ? _random.Next(2, 6) : _random.Next(5, 16)));
        var text = finishing ? "各项任务已全部完成，相关制度文件已印发实施，申请销号。" : Pick(task.Lags ? LagTexts : ReportTexts);
        var files = finishing || _random.NextDouble() < 0.3 ? new List<UploadedFile> { new($"佐证材料-任务{task.Number}.pdf", EvidencePdf) } : [];
        var input = new ReportInput(null, task.Number, text, progress, position, completedOn, files, [], IsFinal: finishing);
        var result = await reports.SaveAsync(ScopeOf(unit), _plan.Id, input, submit: true, cancellationToken);
        Expect(result.Succeeded, $"report on task {task.Number}: {result.Message} {string.Join(" ", result.Errors.Values)}");
    }

    private async Task ReviseReturnedAsync(DateOnly day, CancellationToken cancellationToken)
    {
        foreach (var revision in _revisions.Where(r => r.On == day).ToList())
        {
            _revisions.Remove(revision);
            using var _ = SimulatedTime.Begin(At(day, 14, 20));
            var scope = ScopeOf(revision.Unit);
            var draft = await reports.ReviseAsync(scope, revision.ReportId, cancellationToken);
            if (!draft.Succeeded)
            {
                continue; // the task was closed meanwhile
            }

            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var report = await db.ProgressReports.AsNoTracking().Where(r => r.Id == draft.ReportId)
                .Select(r => new { r.Text, r.ClaimedProgress, r.IsFinal, Position = r.Milestone == null ? (int?)null : r.Milestone.Position, r.MilestoneCompletedOn, Number = r.PlanTask.Number })
                .SingleAsync(cancellationToken);
            var files = new List<UploadedFile> { new($"补充材料-任务{report.Number}.pdf", EvidencePdf) };
            var input = new ReportInput(draft.ReportId, report.Number, report.Text + "（已按退回意见补充佐证材料和量化数据。）", report.ClaimedProgress,
                report.Position, report.MilestoneCompletedOn, files, [], report.IsFinal);
            var result = await reports.SaveAsync(scope, _plan.Id, input, submit: true, cancellationToken);
            Expect(result.Succeeded, $"revised report on task {report.Number}: {result.Message}");
        }
    }

    /// <summary>The office reviews what waited at least a working day; on the last day some stay 待审核.</summary>
    private async Task ReviewAsync(DateOnly day, bool last, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var before = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Beijing);
        var waiting = await db.ProgressReports.AsNoTracking()
            .Where(r => r.State == ReviewState.Submitted && r.PlanTask.PlanId == _plan.Id)
            .OrderBy(r => r.SubmittedOrder).ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.Version, r.IsFinal, r.LeadUnitId, r.SubmittedAt })
            .ToListAsync(cancellationToken);
        var step = 0;
        foreach (var report in waiting.Where(r => r.SubmittedAt < before).ToList())
        {
            if (last && _random.NextDouble() < 0.5)
            {
                continue;
            }

            using var _ = SimulatedTime.Begin(At(day, 15, 0).AddSeconds(20 * step++));
            if (!report.IsFinal && _random.NextDouble() < 0.12)
            {
                var returned = await reports.ReturnAsync(Office, report.Id, report.Version, Pick(ReturnReasons), cancellationToken);
                Expect(returned.Succeeded, $"return report {report.Id}: {returned.Message}");
                _revisions.Add(new PendingRevision(report.Id, report.LeadUnitId, WorkingDay(day, 2)));
            }
            else
            {
                var approved = await reports.ApproveAsync(Office, report.Id, report.Version, cancellationToken);
                Expect(approved.Succeeded, $"approve report {report.Id}: {approved.Message}");
            }
        }
    }

    /// <summary>销号 the working day after a finisher's final report was approved.</summary>
    private async Task CloseFinishedAsync(DateOnly day, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var before = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Beijing);
        // (Instants are compared here, not in SQL: SQLite cannot order DateTimeOffset values.)
        var approved = await db.ProgressReports.AsNoTracking()
            .Where(r => r.PlanTask.PlanId == _plan.Id && r.PlanTask.ClosedAt == null && r.IsFinal && r.State == ReviewState.Approved)
            .OrderBy(r => r.PlanTask.Number).Select(r => new { r.PlanTaskId, r.ReviewedAt })
            .ToListAsync(cancellationToken);
        foreach (var task in approved.Where(r => r.ReviewedAt < before).Select(r => r.PlanTaskId).Distinct())
        {
            using var _ = SimulatedTime.Begin(At(day, 16, 40));
            var result = await closing.CloseAsync(Office, task, cancellationToken: cancellationToken);
            Expect(result.Succeeded, $"close task {task}: {result.Message}");
        }
    }

    /// <summary>
    /// 督办: on the first Tuesday after the 8th the office sends 蓝色 slips on tasks with a milestone overdue for a
    /// week; units reply within the week or not; an unanswered slip goes up a level after its reply date;
    /// answered ones are closed.
    /// </summary>
    private async Task SlipsAsync(DateOnly day, CancellationToken cancellationToken)
    {
        if (day.DayOfWeek == DayOfWeek.Tuesday && day.Day is >= 9 and <= 15)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var overdue = await db.Milestones.AsNoTracking()
                .Where(m => m.PlanTask.PlanId == _plan.Id && !m.IsDone && m.Due < day.AddDays(-7) && m.PlanTask.ClosedAt == null && m.PlanTask.LeadUnits.Any()
                    && !db.SupervisionSlips.Any(s => s.PlanTaskId == m.PlanTaskId && s.ClosedAt == null))
                .OrderBy(m => m.Due).ThenBy(m => m.PlanTask.Number).ThenBy(m => m.Position)
                .Select(m => new { m.Id, m.PlanTaskId, m.Due, m.Phrase })
                .Take(4).ToListAsync(cancellationToken);
            foreach (var milestone in overdue.DistinctBy(m => m.PlanTaskId))
            {
                using var _ = SimulatedTime.Begin(At(day, 10, 30));
                var input = new SlipInput
                {
                    Level = SlipLevel.Blue,
                    MilestoneId = milestone.Id,
                    Matter = $"“{milestone.Phrase}”时间节点（{StatusText.ShortDate(milestone.Due)}）已逾期未完成，请说明原因并报送整改措施。",
                    ReplyBy = WorkingDay(day, 5).ToDateTime(TimeOnly.MinValue),
                };
                var result = await slips.IssueAsync(Office, milestone.PlanTaskId, input, cancellationToken);
                Expect(result.Succeeded, $"issue slip on task {milestone.PlanTaskId}: {result.Message}");
                await PlanRepliesAsync(result.SlipId!.Value, day, 0.7, cancellationToken);
            }
        }

        foreach (var pending in _slips.Where(s => s.Replies.Any(r => r.On == day)).ToList())
        {
            foreach (var (unit, on) in pending.Replies.Where(r => r.On == day).ToList())
            {
                pending.Replies.Remove((unit, on));
                pending.LastReply = day;
                using var _ = SimulatedTime.Begin(At(day, 11, 15));
                var reply = new SlipReplyInput("已召开专题会议分析原因，明确整改责任人和完成时限，正在加快推进。", "两周内完成剩余工作，按时报送完成情况。", []);
                var result = await slips.ReplyAsync(ScopeOf(unit), pending.SlipId, reply, cancellationToken);
                Expect(result.Succeeded, $"reply to slip {pending.SlipId}: {result.Message}");
            }
        }

        foreach (var pending in _slips.ToList())
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var slip = await db.SupervisionSlips.AsNoTracking().Where(s => s.Id == pending.SlipId)
                .Select(s => new { s.ReplyBy, s.Level, s.ClosedAt, s.EscalatedAt, Missing = s.Recipients.Count(r => r.RepliedAt == null) })
                .SingleAsync(cancellationToken);
            if (slip.ClosedAt is not null || slip.EscalatedAt is not null)
            {
                _slips.Remove(pending);
                continue;
            }

            if (slip.Missing == 0 && pending.Replies.Count == 0 && day > pending.LastReply)
            {
                using var _ = SimulatedTime.Begin(At(day, 16, 50));
                Expect((await slips.CloseAsync(Office, pending.SlipId, "反馈情况属实，整改措施可行，予以办结。", cancellationToken)).Succeeded, $"close slip {pending.SlipId}");
                _slips.Remove(pending);
            }
            else if (slip.Missing > 0 && day > slip.ReplyBy && slip.Level != SlipLevel.Red && day >= WorkingDay(slip.ReplyBy, 1))
            {
                using var _ = SimulatedTime.Begin(At(day, 9, 40));
                var input = new SlipInput
                {
                    Level = slip.Level == SlipLevel.Blue ? SlipLevel.Yellow : SlipLevel.Red,
                    Matter = "逾期未反馈督办事项，升级督办，请主要负责同志亲自过问，限期反馈。",
                    ReplyBy = WorkingDay(day, 5).ToDateTime(TimeOnly.MinValue),
                };
                var result = await slips.EscalateAsync(Office, pending.SlipId, input, cancellationToken);
                Expect(result.Succeeded, $"escalate slip {pending.SlipId}: {result.Message}");
                _slips.Remove(pending);
                await PlanRepliesAsync(result.SlipId!.Value, day, 0.8, cancellationToken);
            }
        }
    }

    private async Task PlanRepliesAsync(int slipId, DateOnly issued, double replyRate, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var units = await db.SlipRecipients.Where(r => r.SlipId == slipId).OrderBy(r => r.LeadUnitId).Select(r => r.LeadUnitId).ToListAsync(cancellationToken);
        var replies = units.Where(_unitUsers.ContainsKey).Where(_ => _random.NextDouble() < replyRate)
            .Select(unit => (unit, WorkingDay(issued, 1 + _random.Next(0, 4)))).ToList();
        _slips.Add(new PendingSlip(slipId, issued, replies));
    }

    /// <summary>延期申请 on the third Friday: units of two overdue milestones ask; two working days later the office approves one (a month) and refuses the other (three months).</summary>
    private async Task ExtensionsAsync(DateOnly day, CancellationToken cancellationToken)
    {
        if (day.DayOfWeek == DayOfWeek.Friday && day.Day is >= 15 and <= 21)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var candidates = await db.Milestones.AsNoTracking()
                .Where(m => m.PlanTask.PlanId == _plan.Id && !m.IsDone && m.Due < day && m.OriginalDue == null && m.PlanTask.ClosedAt == null
                    && !db.ExtensionRequests.Any(r => r.MilestoneId == m.Id))
                .OrderByDescending(m => m.Due).ThenBy(m => m.PlanTask.Number).ThenBy(m => m.Position)
                .Select(m => new { m.Id, m.Due, Unit = m.PlanTask.LeadUnits.OrderBy(l => l.Position).Select(l => (int?)l.LeadUnitId).FirstOrDefault() })
                .Take(10).ToListAsync(cancellationToken);
            var asked = 0;
            foreach (var milestone in candidates.Where(c => c.Unit is { } u && _unitUsers.ContainsKey(u)))
            {
                if (asked == 2)
                {
                    break;
                }

                using var _ = SimulatedTime.Begin(At(day, 14, 5 + asked));
                var input = new ExtensionInput
                {
                    RequestedDue = EndOfMonth(milestone.Due.AddMonths(asked == 1 ? 3 : 1)).ToDateTime(TimeOnly.MinValue),
                    Reason = ExtensionReasons[asked],
                };
                var result = await extensions.RequestAsync(ScopeOf(milestone.Unit!.Value), milestone.Id, input, cancellationToken);
                Expect(result.Succeeded, $"extension on milestone {milestone.Id}: {result.Message}");
                _decisions.Add((result.RequestId!.Value, WorkingDay(day, 2), asked == 0));
                asked++;
            }
        }

        foreach (var decision in _decisions.Where(d => d.On == day).ToList())
        {
            _decisions.Remove(decision);
            using var _ = SimulatedTime.Begin(At(day, 11, 30));
            var result = decision.Approve
                ? await extensions.ApproveAsync(Office, decision.RequestId, "理由充分，同意延期，请按新时限完成。", cancellationToken)
                : await extensions.RefuseAsync(Office, decision.RequestId, "该事项为年度重点任务，不宜延期，请倒排工期、按原时限完成。", cancellationToken);
            Expect(result.Succeeded, $"decide extension {decision.RequestId}: {result.Message}");
        }
    }

    /// <summary>签发 the previous month's 调度通报 on the 6th (or the next working day), as of that month's last day.</summary>
    private async Task IssueDispatchAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var month = day.AddMonths(-1);
        if (!IsFirstWorkingDayFrom(day, 6) || month < new DateOnly(Start.Year, Start.Month, 1))
        {
            return;
        }

        using var _ = SimulatedTime.Begin(At(day, 16, 0));
        var result = await dispatch.IssueAsync(Office, _plan, new DateOnly(month.Year, month.Month, 1), EndOfMonth(month), cancellationToken);
        Expect(result.Succeeded, $"issue the 调度通报 of {month:yyyy-MM}: {result.Message}");
    }

    private AccessScope ScopeOf(int unit) => new(_unitUsers[unit], false, unit, false, false);

    private string Pick(string[] texts) => texts[_random.Next(texts.Length)];

    private void Expect(bool succeeded, string what)
    {
        if (!succeeded)
        {
            // The scenario only asks what the rules allow; a refusal means the rules changed under it.
            throw new InvalidOperationException($"Demo history step refused: {what}");
        }

        _actions++;
    }

    private static DateTimeOffset At(DateOnly day, int hour, int minute) => new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, minute)), Beijing).ToUniversalTime();

    private static DateOnly Clamp(DateOnly day, DateOnly today) => day > today ? today : day < new DateOnly(today.Year, 1, 1) ? new DateOnly(today.Year, 1, 1) : day;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly EndOfMonth(DateOnly day) => new DateOnly(day.Year, day.Month, 1).AddMonths(1).AddDays(-1);

    private static bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The <paramref name="count"/>-th working day after <paramref name="from"/> (0: from itself, or the next working day).</summary>
    private static DateOnly WorkingDay(DateOnly from, int count)
    {
        var day = from;
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        for (var i = 0; i < count; i++)
        {
            do
            {
                day = day.AddDays(1);
            }
            while (!IsWorkingDay(day));
        }

        return day;
    }

    private static int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            count += IsWorkingDay(day) ? 1 : 0;
        }

        return count;
    }

    /// <summary>True when <paramref name="day"/> is the first working day on or after the <paramref name="dayOfMonth"/>-th.</summary>
    private static bool IsFirstWorkingDayFrom(DateOnly day, int dayOfMonth) =>
        day.Day >= dayOfMonth && WorkingDay(new DateOnly(day.Year, day.Month, dayOfMonth), 0) == day;

    private sealed record DemoTask(int Id, int Number, List<int> Units, List<DateOnly> Dues, DateOnly? Starts, bool Lags)
    {
        public List<(int Unit, DateOnly On)> Submissions { get; } = [];
    }

    private sealed record PendingRevision(int ReportId, int Unit, DateOnly On);

    private sealed class PendingSlip(int slipId, DateOnly issued, List<(int Unit, DateOnly On)> replies)
    {
        public int SlipId { get; } = slipId;
        public List<(int Unit, DateOnly On)> Replies { get; } = replies;

        /// <summary>The day the last unit replied; the office closes the slip a working day later.</summary>
        public DateOnly LastReply { get; set; } = issued;
    }
}
