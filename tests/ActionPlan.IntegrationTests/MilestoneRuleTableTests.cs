using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Dashboard;
using ActionPlan.Web.Features.Channels;
using ActionPlan.Web.Features.Deadlines;
using ActionPlan.Web.Features.Rules;
using ActionPlan.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActionPlan.IntegrationTests;

/// <summary>
/// The milestone-state rule on a table of edge cases, answered by every path that implements it: the C#
/// rule, LINQ through EF Core, the deadline scanner's SQL and the figure snapshot's SQL. Each case is one
/// task with one milestone in a domain of its own, so each snapshot cell speaks of one case.
/// </summary>
public abstract class MilestoneRuleTableTests(PortalFixture fixture)
{
    private static readonly DeadlineSettings Settings = new(15, 5, 7, TimeSpan.FromHours(1));
    private static readonly DateOnly Today = new(2022, 6, 20);

    private static readonly MilestoneState[] Counted =
        [MilestoneState.Due, MilestoneState.OnTime, MilestoneState.Late, MilestoneState.Approaching, MilestoneState.Urgent, MilestoneState.Overdue];

    /// <summary>The cases with what a person reads off the calendar as of 2022-06-20 (紧急 5 days, 临期 15 days).</summary>
    private static readonly Case[] Cases =
    [
        new("due today", "2022-06-20", null, PlanTaskStatus.InProgress, WarningLevel.Urgent, [MilestoneState.Due, MilestoneState.Urgent, MilestoneState.Pending, MilestoneState.Open, MilestoneState.Flagged]),
        new("last urgent day", "2022-06-25", null, PlanTaskStatus.InProgress, WarningLevel.Urgent, [MilestoneState.Urgent, MilestoneState.Pending, MilestoneState.Open, MilestoneState.Flagged]),
        new("first approaching day", "2022-06-26", null, PlanTaskStatus.NotStarted, WarningLevel.Approaching, [MilestoneState.Approaching, MilestoneState.Pending, MilestoneState.Open, MilestoneState.Flagged]),
        new("last approaching day", "2022-07-05", null, PlanTaskStatus.InProgress, WarningLevel.Approaching, [MilestoneState.Approaching, MilestoneState.Pending, MilestoneState.Open, MilestoneState.Flagged]),
        new("after the windows", "2022-07-06", null, PlanTaskStatus.InProgress, WarningLevel.OnTrack, [MilestoneState.Pending, MilestoneState.Open, MilestoneState.OnTrack]),
        new("one day overdue", "2022-06-19", null, PlanTaskStatus.InProgress, WarningLevel.Overdue, [MilestoneState.Due, MilestoneState.Overdue, MilestoneState.Open, MilestoneState.Flagged]),
        new("done on the due day", "2022-06-10", "2022-06-10", PlanTaskStatus.Completed, null, [MilestoneState.Due, MilestoneState.Done, MilestoneState.OnTime]),
        new("done early", "2022-07-31", "2022-06-01", PlanTaskStatus.InProgress, null, [MilestoneState.Done, MilestoneState.OnTime]),
        new("done late", "2022-05-31", "2022-06-05", PlanTaskStatus.Completed, WarningLevel.CompletedLate, [MilestoneState.Due, MilestoneState.Done, MilestoneState.Late]),
        new("done after the as-of date", "2022-06-15", "2022-06-25", PlanTaskStatus.Completed, WarningLevel.Overdue, [MilestoneState.Due, MilestoneState.Overdue, MilestoneState.Open, MilestoneState.Flagged]),
        new("暂缓 task, overdue", "2022-06-01", null, PlanTaskStatus.Suspended, WarningLevel.Overdue, [MilestoneState.Due, MilestoneState.Overdue, MilestoneState.Open, MilestoneState.Flagged]),
        new("no due date", null, null, PlanTaskStatus.NotStarted, null, []),
    ];

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static readonly Dictionary<PortalFixture, Built> Plans = [];

    private IDbContextFactory<AppDbContext> Contexts => fixture.Portal.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();

    private static PortalClock Clock(DateOnly today) => new(TimeProvider.System, new ClockOptions { Today = today.ToString("yyyy-MM-dd") });

    [Fact]
    public void The_CSharp_rule_gives_the_hand_answers()
    {
        var window = Settings.WindowOn(Today);
        foreach (var c in Cases.Where(c => c.Due is not null))
        {
            MilestoneRules.LevelOf(c.DueDate!.Value, c.Done is not null, c.DoneDate, window).Should().Be(c.Level, c.Name);
            Enum.GetValues<MilestoneState>().Where(s => MilestoneRules.Is(s, c.DueDate!.Value, c.Done is not null, c.DoneDate, window))
                .Should().BeEquivalentTo(c.States, c.Name);
        }
    }

    [Theory]
    [InlineData("2022-06-20")]
    [InlineData("2022-05-31")] // as of an earlier day: later completions do not count yet
    [InlineData("2022-06-25")]
    public async Task Every_path_gives_the_same_answers(string asOf)
    {
        var day = DateOnly.Parse(asOf);
        var window = Settings.WindowOn(day);
        var built = await BuildAsync();
        var milestones = Cases.Where(c => c.Due is not null).ToList();

        // LINQ: each state's milestones, and each task level's tasks, queried in the database.
        await using var db = await Contexts.CreateDbContextAsync();
        var mine = db.Milestones.Where(m => m.PlanTask.PlanId == built.PlanId);
        foreach (var state in Enum.GetValues<MilestoneState>())
        {
            var ids = await mine.Where(MilestoneRules.Where(state, null, window)).Select(m => m.Id).ToListAsync();
            var expected = milestones.Where(c => MilestoneRules.Is(state, c.DueDate!.Value, c.Done is not null, c.DoneDate, window)).Select(c => built.Milestones[c.Name]);
            ids.Should().BeEquivalentTo(expected, $"LINQ, {state} as of {asOf}");
        }

        foreach (var level in Enum.GetValues<WarningLevel>())
        {
            var tasks = await db.PlanTasks.Where(t => t.PlanId == built.PlanId).Where(MilestoneRules.TaskHasLevel(level, window)).Select(t => t.Id).ToListAsync();
            var expected = Cases.Where(c => TaskLevel(c, window) == level).Select(c => built.Tasks[c.Name]);
            tasks.Should().BeEquivalentTo(expected, $"LINQ task level {level} as of {asOf}");
        }

        // The scanner's SQL: an alert exactly for the open milestones in a warning window, at the C# level.
        await db.Alerts.ExecuteDeleteAsync();
        var scanner = new DeadlineScanner(Contexts, Clock(day), Settings, new AlertFeed(), new OutboxWriter(TimeProvider.System), TimeProvider.System, NullLogger<DeadlineScanner>.Instance);
        await scanner.ScanUntilCompleteAsync();
        var alerts = await db.Alerts.Where(a => a.Milestone.PlanTask.PlanId == built.PlanId).Select(a => new { a.MilestoneId, a.Level }).ToListAsync();
        alerts.Should().BeEquivalentTo(
            milestones.Where(c => MilestoneRules.Is(MilestoneState.Flagged, c.DueDate!.Value, c.Done is not null, c.DoneDate, window))
                .Select(c => new { MilestoneId = built.Milestones[c.Name], Level = (int)MilestoneRules.LevelOf(c.DueDate!.Value, c.Done is not null, c.DoneDate, window)!.Value }),
            $"scanner as of {asOf}");

        // The snapshot's SQL: per case (its own domain), each counted state is 1 or 0 as the rule says.
        await new FigureSnapshotRefresher(Contexts, Clock(day), Settings, TimeProvider.System, NullLogger<FigureSnapshotRefresher>.Instance).RefreshAsync();
        var cells = await db.FigureCells.Where(c => c.PlanId == built.PlanId && c.LeadUnitId == null).ToListAsync();
        foreach (var c in Cases)
        {
            var domain = built.Domains[c.Name];
            var monthCells = cells.Where(x => x.DomainId == domain && x.MonthKey != null).ToList();
            var counted = new Dictionary<MilestoneState, int>
            {
                [MilestoneState.Due] = monthCells.Sum(x => x.DueSoFar),
                [MilestoneState.OnTime] = monthCells.Sum(x => x.OnTime),
                [MilestoneState.Late] = monthCells.Sum(x => x.Late),
                [MilestoneState.Approaching] = monthCells.Sum(x => x.Approaching),
                [MilestoneState.Urgent] = monthCells.Sum(x => x.Urgent),
                [MilestoneState.Overdue] = monthCells.Sum(x => x.Overdue),
            };
            var expected = Counted.ToDictionary(s => s, s => c.Due is not null && MilestoneRules.Is(s, c.DueDate!.Value, c.Done is not null, c.DoneDate, window) ? 1 : 0);
            counted.Should().BeEquivalentTo(expected, $"snapshot, {c.Name} as of {asOf}");
            cells.Single(x => x.DomainId == domain && x.MonthKey == null).OverdueTasks
                .Should().Be(TaskLevel(c, window) == WarningLevel.Overdue ? 1 : 0, $"snapshot overdue task, {c.Name} as of {asOf}");
        }
    }

    private static WarningLevel? TaskLevel(Case c, MilestoneWindow window) =>
        MilestoneRules.TaskLevel(c.Due is null ? [] : [(c.DueDate!.Value, c.Done is not null, c.DoneDate)], window);

    private async Task<Built> BuildAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (Plans.TryGetValue(fixture, out var built))
            {
                return built;
            }

            await using var db = await Contexts.CreateDbContextAsync();
            var plan = new Plan { Title = "规则表", DocumentNumber = "规则〔2021〕1号", Year = 2021, SourceHash = Guid.NewGuid().ToString("N"), SourceName = "rule-table" };
            var tasks = Cases.Select((c, i) => new PlanTask
            {
                Plan = plan,
                Domain = new Domain { Plan = plan, Number = i + 1, Name = c.Name },
                Number = i + 1, Title = c.Name, Text = c.Name, Status = c.Status,
                Milestones = c.Due is null ? [] :
                [
                    new Milestone { Position = 0, Due = c.DueDate!.Value, Phrase = c.Name, Clause = c.Name, IsDone = c.Done is not null, CompletedOn = c.DoneDate },
                ],
            }).ToList();
            db.PlanTasks.AddRange(tasks);
            await db.SaveChangesAsync();
            built = new Built(
                plan.Id,
                Cases.Zip(tasks).ToDictionary(x => x.First.Name, x => x.Second.Id),
                Cases.Zip(tasks).ToDictionary(x => x.First.Name, x => x.Second.DomainId),
                Cases.Zip(tasks).Where(x => x.First.Due is not null).ToDictionary(x => x.First.Name, x => x.Second.Milestones.Single().Id));
            Plans[fixture] = built;
            return built;
        }
        finally
        {
            Once.Release();
        }
    }

    private sealed record Case(string Name, string? Due, string? Done, PlanTaskStatus Status, WarningLevel? Level, MilestoneState[] States)
    {
        public DateOnly? DueDate => Due is null ? null : DateOnly.Parse(Due);

        public DateOnly? DoneDate => Done is null ? null : DateOnly.Parse(Done);
    }

    private sealed record Built(int PlanId, Dictionary<string, int> Tasks, Dictionary<string, int> Domains, Dictionary<string, int> Milestones);
}

public sealed class SqliteMilestoneRuleTableTests(SqlitePortal fixture) : MilestoneRuleTableTests(fixture), IClassFixture<SqlitePortal>;

public sealed class PostgresMilestoneRuleTableTests(PostgresPortal fixture) : MilestoneRuleTableTests(fixture), IClassFixture<PostgresPortal>;
