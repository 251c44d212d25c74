using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Dashboard;
using ActionPlan.Web.Features.Rules;
using ActionPlan.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ActionPlan.IntegrationTests;

/// <summary>总览 figures: hand-counted on a known state, and equal to what the linked list then shows.</summary>
public abstract class DashboardTests(PortalFixture fixture)
{
    private static readonly AccessScope Office = new("office1", true, null, true, false);

    private PortalFactory Portal => fixture.Portal;

    [Fact]
    public async Task Figures_match_hand_counts_and_every_linked_count_equals_the_list_total()
    {
        // A known state in domain 1 (tasks 1–8): two completed, one in progress, one milestone done late, one on time.
        await Portal.WithDbAsync(db => db.PlanTasks.Where(t => t.Number == 1 || t.Number == 2).ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, PlanTaskStatus.Completed).SetProperty(t => t.Progress, 100)));
        await Portal.WithDbAsync(db => db.PlanTasks.Where(t => t.Number == 3).ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, PlanTaskStatus.InProgress)));
        await Portal.WithDbAsync(db => db.Milestones.Where(m => m.PlanTask.Number == 1).ExecuteUpdateAsync(s => s.SetProperty(m => m.IsDone, true).SetProperty(m => m.CompletedOn, new DateOnly(2022, 10, 15))));
        await Portal.WithDbAsync(db => db.Milestones.Where(m => m.PlanTask.Number == 2).ExecuteUpdateAsync(s => s.SetProperty(m => m.IsDone, true).SetProperty(m => m.CompletedOn, new DateOnly(2022, 6, 1))));

        var planId = await Portal.WithDbAsync(db => db.Plans.Select(p => p.Id).SingleAsync());
        var figures = await Portal.Services.GetRequiredService<DashboardQueries>().LoadAsync(Office, planId);

        var domain1 = figures.Domains.Single(d => d.Number == 1);
        domain1.Tasks.Should().Be(new TaskFigures(8, 5, 1, 2, 0, 6), "tasks 3–8 still have an open milestone long past due (today is after 2022)");
        domain1.Milestones.DoneLate.Should().Be(1, "task 1's 30 Sep milestone was done on 15 Oct");
        domain1.Milestones.DoneOnTime.Should().Be(1, "task 2's 30 Jun milestone was done on 1 Jun");
        domain1.Milestones.DueSoFar.Should().Be(11);
        domain1.Milestones.Overdue.Should().Be(9);
        figures.Tasks.Total.Should().Be(165);
        figures.Domains.Should().HaveCount(19);

        var queries = Portal.Services.GetRequiredService<TaskQueries>();
        async Task<int> ListTotal(TaskListQuery q) => (await queries.ListAsync(Office, planId, q)).Total;
        foreach (var d in figures.Domains)
        {
            (await ListTotal(new TaskListQuery { Domain = d.Number })).Should().Be(d.Tasks.Total);
            (await ListTotal(new TaskListQuery { Domain = d.Number, Status = PlanTaskStatus.Completed })).Should().Be(d.Tasks.Completed);
            (await ListTotal(new TaskListQuery { Domain = d.Number, Level = WarningLevel.Overdue })).Should().Be(d.Tasks.OverdueTasks);
        }

        foreach (var u in figures.Units.Take(10))
        {
            (await ListTotal(new TaskListQuery { Unit = u.Name })).Should().Be(u.Tasks, u.Name);
            (await ListTotal(new TaskListQuery { Unit = u.Name, Level = WarningLevel.Overdue })).Should().BeLessThanOrEqualTo(u.Overdue, "a task counts once however many of its milestones are overdue");
        }

        (await ListTotal(new TaskListQuery { Status = PlanTaskStatus.NotStarted })).Should().Be(figures.Tasks.NotStarted);
        (await ListTotal(new TaskListQuery { Level = WarningLevel.Overdue })).Should().Be(figures.Tasks.OverdueTasks);
    }

    [Fact]
    public async Task A_lead_unit_sees_figures_of_its_own_tasks_only()
    {
        var planId = await Portal.WithDbAsync(db => db.Plans.Select(p => p.Id).SingleAsync());
        var unitId = await Portal.WithDbAsync(db => db.LeadUnits.Where(u => u.Name == "省税务局").Select(u => u.Id).SingleAsync());
        var expected = await Portal.WithDbAsync(db => db.PlanTasks.CountAsync(t => t.LeadUnits.Any(l => l.LeadUnitId == unitId)));

        var figures = await Portal.Services.GetRequiredService<DashboardQueries>().LoadAsync(new AccessScope("unitT", false, unitId, false, false), planId);

        figures.Tasks.Total.Should().Be(expected);
        figures.Units.Should().Contain(u => u.Name == "省税务局" && u.Tasks == expected);
    }
}

public sealed class SqliteDashboardTests(SqlitePortal fixture) : DashboardTests(fixture), IClassFixture<SqlitePortal>;

public sealed class PostgresDashboardTests(PostgresPortal fixture) : DashboardTests(fixture), IClassFixture<PostgresPortal>;
