using System.Net;
using System.Text;
using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Data.Import;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Deadlines;
using ActionPlan.Web.Features.Plans;
using ActionPlan.Web.Features.Rounds;
using ActionPlan.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ActionPlan.IntegrationTests;

/// <summary>
/// Several plans: the seeded 2022 plan and a 2023 plan (the same text for the next year, so domains and units match)
/// imported through the real importer. The newer year becomes the default and the older one is archived; pages show
/// the plan their address names; an archived plan changes nothing and raises no alerts; the office archives and
/// re-opens; the year-on-year comparison puts both side by side.
/// </summary>
public abstract class PlanSwitchingTests(PortalFixture fixture)
{
    private static readonly AccessScope Office = new("office1", true, null, true, false);
    private static readonly AccessScope Leadership = new("leader1", true, null, false, false);

    private PortalFactory Portal => fixture.Portal;

    private IDbContextFactory<AppDbContext> Contexts => Portal.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();

    private CurrentPlan Plans => Portal.Services.GetRequiredService<CurrentPlan>();

    /// <summary>Imports the 2023 plan once per database; returns (2022 plan, 2023 plan) ids.</summary>
    private async Task<(int Old, int New)> TwoPlansAsync()
    {
        var text = (await File.ReadAllTextAsync(Path.Combine(PortalFactory.SeedFolder, "shandong-2022-business-environment-action-plan.txt")))
            .Replace("2022", "2023", StringComparison.Ordinal);
        var result = await Portal.Services.GetRequiredService<PlanImporter>().ImportAsync(new PlanSource("shandong-2023.txt", Encoding.UTF8.GetBytes(text)));
        Plans.Invalidate();
        await using var db = await Contexts.CreateDbContextAsync();
        var old = await db.Plans.Where(p => p.Year == 2022 && p.SourceName.StartsWith("shandong")).Select(p => p.Id).SingleAsync();
        return (old, result.PlanId!.Value);
    }

    [Fact]
    public async Task Importing_a_newer_year_archives_the_older_plan_and_makes_the_new_one_the_default()
    {
        var (old, current) = await TwoPlansAsync();

        await using var db = await Contexts.CreateDbContextAsync();
        var oldPlan = await db.Plans.SingleAsync(p => p.Id == old);
        oldPlan.ArchivedAt.Should().NotBeNull();
        oldPlan.ArchivedBy.Should().Be(PlanImporter.ArchivedByImport);
        (await db.Plans.SingleAsync(p => p.Id == current)).ArchivedAt.Should().BeNull();
        (await db.PlanTasks.CountAsync(t => t.PlanId == current)).Should().Be(165);

        var byDefault = await Plans.GetAsync();
        byDefault!.Id.Should().Be(current);
        byDefault.Year.Should().Be(2023);
        byDefault.IsDefault.Should().BeTrue();
        (await Plans.GetAsync(old))!.IsArchived.Should().BeTrue();
        (await Plans.GetAsync(987654))!.Id.Should().Be(current, "an address naming no plan shows the default");
        (await Plans.LeadUnitsAsync(old)).Should().Equal(await Plans.LeadUnitsAsync(current));
    }

    [Fact]
    public async Task Pages_show_the_plan_their_address_names_and_keep_it_in_their_links()
    {
        var (old, _) = await TwoPlansAsync();

        var current = await fixture.Client.GetStringAsync("/tasks");
        current.Should().Contain("山东省营商环境创新 2023 年行动计划").And.Contain("共 <b>165</b> 项任务");
        current.Should().NotContain("data-testid=\"archived-banner\"");
        current.Should().Contain("href=\"tasks/1\"", "the default plan's links stay as they were");

        var archived = await fixture.Client.GetStringAsync($"/tasks?plan={old}");
        archived.Should().Contain("山东省营商环境创新 2022 年行动计划").And.Contain("data-testid=\"archived-banner\"").And.Contain("已归档，只能查看");
        archived.Should().Contain($"href=\"tasks/1?plan={old}\"", "a task link stays in the plan shown");
        archived.Should().Contain($"href=\"dashboard?plan={old}\"", "the menu stays in the plan shown");

        var task = await fixture.Client.GetStringAsync($"/tasks/1?plan={old}");
        task.Should().Contain("data-testid=\"archived-banner\"").And.NotContain("data-testid=\"task-editor\"", "an archived plan's task is read-only");
        (await fixture.Client.GetStringAsync("/tasks/1")).Should().Contain("data-testid=\"task-editor\"");

        var dashboard = await fixture.Client.GetStringAsync($"/dashboard?plan={old}");
        dashboard.Should().Contain($"plan={old}").And.Contain("2022");

        using var ledger = await fixture.Client.GetAsync($"/tasks/ledger.xlsx?plan={old}");
        ledger.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_archived_plan_refuses_every_change_and_stores_nothing()
    {
        var (old, current) = await TwoPlansAsync();

        await using (var db = await Contexts.CreateDbContextAsync())
        {
            var task = await db.PlanTasks.Include(t => t.Milestones).FirstAsync(t => t.PlanId == old && t.Milestones.Count > 0);
            task.Progress = 55;
            await db.Invoking(d => d.SaveChangesAsync()).Should().ThrowAsync<PlanArchivedException>().WithMessage("*已归档*重新开放*");
        }

        await using (var db = await Contexts.CreateDbContextAsync())
        {
            var milestone = await db.Milestones.FirstAsync(m => m.PlanTask.PlanId == old);
            milestone.IsDone = true;
            await db.Invoking(d => d.SaveChangesAsync()).Should().ThrowAsync<PlanArchivedException>();
        }

        await using (var db = await Contexts.CreateDbContextAsync())
        {
            db.ReportingRounds.Add(new ReportingRound
            {
                PlanId = old, Name = "归档计划的轮次", PeriodStart = new DateOnly(2022, 6, 1), PeriodEnd = new DateOnly(2022, 6, 30),
                DueOn = new DateOnly(2022, 7, 5), OpenedAt = DateTimeOffset.UtcNow, OpenedBy = "office1",
            });
            await db.Invoking(d => d.SaveChangesAsync()).Should().ThrowAsync<PlanArchivedException>();
        }

        await using (var db = await Contexts.CreateDbContextAsync())
        {
            (await db.PlanTasks.CountAsync(t => t.PlanId == old && t.Progress == 55)).Should().Be(0);
            (await db.Milestones.CountAsync(m => m.PlanTask.PlanId == old && m.IsDone)).Should().Be(0);
            (await db.ReportingRounds.CountAsync(r => r.PlanId == old && r.Name == "归档计划的轮次")).Should().Be(0);

            // The running plan saves as before.
            var running = await db.PlanTasks.FirstAsync(t => t.PlanId == current && t.Number == 2);
            running.Progress = 10;
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task A_round_of_an_archived_plan_links_to_that_plans_tasks_and_is_chased_by_nobody()
    {
        var (old, _) = await TwoPlansAsync();
        int roundId;
        int unitId;
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            // A round opened while the plan ran: re-open it for a moment, as the office would, then archive again.
            var plan = await db.Plans.SingleAsync(p => p.Id == old);
            var archivedAt = plan.ArchivedAt;
            plan.ArchivedAt = null;
            await db.SaveChangesAsync();
            var round = new ReportingRound
            {
                PlanId = old, Name = "2022年12月调度（归档前）", PeriodStart = new DateOnly(2022, 12, 1), PeriodEnd = new DateOnly(2022, 12, 31),
                DueOn = new DateOnly(2023, 1, 5), OpenedAt = DateTimeOffset.UtcNow, OpenedBy = "office1",
            };
            db.ReportingRounds.Add(round);
            await db.SaveChangesAsync();
            plan.ArchivedAt = archivedAt;
            await db.SaveChangesAsync();
            roundId = round.Id;
            unitId = await db.LeadUnits.Where(u => u.Name == "省市场监管局").Select(u => u.Id).SingleAsync();
        }

        Plans.Invalidate();
        var page = await fixture.Client.GetStringAsync($"/rounds/{roundId}");
        page.Should().Contain($"href=\"tasks/1?plan={old}\"", "a task number means a task of the round's own plan");

        var chase = await Portal.Services.GetRequiredService<ReportingRounds>().ChaseAsync(Office, roundId, unitId, null);
        chase.Succeeded.Should().BeFalse();
        chase.Message.Should().Contain("已归档");
        (await Portal.WithDbAsync(db => db.ReportChases.CountAsync(c => c.RoundId == roundId))).Should().Be(0);
    }

    [Fact]
    public async Task The_deadline_scan_raises_no_alert_on_an_archived_plan()
    {
        var (old, current) = await TwoPlansAsync();

        // Today is long after both plans' deadlines: every open milestone of a running plan is overdue.
        await Portal.Services.GetRequiredService<DeadlineScanner>().ScanAsync();

        await using var db = await Contexts.CreateDbContextAsync();
        (await db.Alerts.CountAsync(a => a.Milestone.PlanTask.PlanId == old)).Should().Be(0);
        (await db.Alerts.CountAsync(a => a.Milestone.PlanTask.PlanId == current)).Should().BePositive();
    }

    [Fact]
    public async Task The_office_archives_and_reopens_a_plan_with_a_reason_and_both_are_audited()
    {
        var admin = Portal.Services.GetRequiredService<PlanAdministration>();
        int planId;
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            var tag = Guid.NewGuid().ToString("N")[..8];
            var plan = new Plan { Title = $"归档计划{tag}", DocumentNumber = "归档〔2000〕1号", Year = 2000, SourceHash = tag, SourceName = "hand-built" };
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            planId = plan.Id;
        }

        var lastAudit = await Portal.LastAuditIdAsync();
        (await admin.ArchiveAsync(Leadership, planId)).Succeeded.Should().BeFalse("leadership reads, it does not archive");
        var archived = await admin.ArchiveAsync(Office, planId);
        archived.Succeeded.Should().BeTrue();
        archived.Message.Should().Contain("已归档");
        (await Plans.GetAsync(planId))!.IsArchived.Should().BeTrue("the plan cache hears of the change at once");
        (await admin.ArchiveAsync(Office, planId)).Message.Should().Contain("已经归档");

        var noReason = await admin.ReopenAsync(Office, planId, "  ");
        noReason.Succeeded.Should().BeFalse();
        noReason.Message.Should().Be("请填写重新开放的原因。");
        (await Plans.GetAsync(planId))!.IsArchived.Should().BeTrue("a refused re-opening changes nothing");

        (await admin.ReopenAsync(Office, planId, "补录 2000 年度的完成情况")).Succeeded.Should().BeTrue();
        (await Plans.GetAsync(planId))!.IsArchived.Should().BeFalse();

        var audit = await Portal.AuditSinceAsync(lastAudit);
        audit.Select(a => (a.Action, a.EntityKey, a.NewValue)).Should().Equal(
            ("ArchivePlan", planId.ToString(), PlanAdministration.Archived),
            ("ReopenPlan", planId.ToString(), PlanAdministration.Running));
        audit[1].Reason.Should().Be("补录 2000 年度的完成情况");
        (await admin.ListAsync(Office)).Should().Contain(r => r.Id == planId && !r.IsArchived);
        (await admin.ListAsync(new AccessScope("unit", false, 1, false, false))).Should().BeEmpty();
    }

    [Fact]
    public async Task The_year_on_year_comparison_matches_domains_by_name_and_counts_both_plans()
    {
        var (old, current) = await TwoPlansAsync();
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            foreach (var task in await db.PlanTasks.Where(t => t.PlanId == current && t.Number <= 3).ToListAsync())
            {
                task.Status = PlanTaskStatus.Completed;
                task.Progress = 100;
            }

            await db.SaveChangesAsync();
        }

        var comparison = Portal.Services.GetRequiredService<PlanComparison>();
        var result = await comparison.CompareAsync(Office, old, current, sameDay: false);

        result.Should().NotBeNull();
        result!.First.Id.Should().Be(old);
        result.Domains.Should().HaveCount(19).And.OnlyContain(d => d.First != null && d.Second != null, "the same domains by name");
        result.FirstTotal.Tasks.Should().Be(165);
        result.SecondTotal.Tasks.Should().Be(165);
        result.SecondTotal.Completed.Should().Be(3);
        result.FirstTotal.Completed.Should().Be(0);
        result.Domains.Sum(d => d.Second!.Completed).Should().Be(3);
        result.Units.Should().NotBeEmpty().And.OnlyContain(u => u.First != null && u.Second != null && u.First.Tasks == u.Second.Tasks);
        result.Units.Sum(u => u.Second!.Completed).Should().BeGreaterThanOrEqualTo(3, "each completed task counts for each of its units");

        (await comparison.CompareAsync(new AccessScope("unit", false, 1, false, false), old, current, false)).Should().BeNull("units do not compare plans");
        (await comparison.CompareAsync(Office, old, old, false)).Should().BeNull();

        var page = await fixture.Client.GetStringAsync($"/plans/compare?a={old}&b={current}");
        page.Should().Contain("年度对比").And.Contain("data-testid=\"compare-domains\"").And.Contain("2023 年完成率");
    }

    [Fact]
    public async Task A_unit_sees_its_tasks_in_every_plan_that_names_its_unit()
    {
        var (old, _) = await TwoPlansAsync();
        if (!await Portal.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "plan-unit")))
        {
            await Portal.CreateUserAsync("plan-unit", Roles.LeadUnit, "省市场监管局");
        }

        using var unit = await Portal.ClientAsync("plan-unit");
        var expected = await Portal.WithDbAsync(db => db.PlanTasks.CountAsync(t => t.PlanId == old && t.LeadUnits.Any(l => l.LeadUnit.Name == "省市场监管局")));
        expected.Should().BePositive();
        (await unit.GetStringAsync("/tasks")).Should().Contain($"共 <b>{expected}</b> 项任务").And.Contain("2023 年行动计划");
        (await unit.GetStringAsync($"/tasks?plan={old}")).Should().Contain($"共 <b>{expected}</b> 项任务").And.Contain("2022 年行动计划");
        using var compare = await unit.GetAsync("/plans/compare");
        (compare.Headers.Location?.OriginalString ?? "").Should().Contain("/account/access-denied", "units do not compare plans");
    }
}

public sealed class SqlitePlanSwitchingTests(SqlitePortal fixture) : PlanSwitchingTests(fixture), IClassFixture<SqlitePortal>;

public sealed class PostgresPlanSwitchingTests(PostgresPortal fixture) : PlanSwitchingTests(fixture), IClassFixture<PostgresPortal>;
