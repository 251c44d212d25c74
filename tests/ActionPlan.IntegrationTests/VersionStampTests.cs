using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ActionPlan.IntegrationTests;

/// <summary>
/// The concurrency token <see cref="IVersioned"/> entities carry, stamped by the context's save whoever changes
/// them. Tasks: 20 task change · 21 milestone change · 22 and 24 stale saves · 23 report.
/// </summary>
public abstract class VersionStampTests(PortalFixture fixture)
{
    private PortalFactory Portal => fixture.Portal;

    private IDbContextFactory<ActionPlan.Data.AppDbContext> Contexts => Portal.Services.GetRequiredService<IDbContextFactory<ActionPlan.Data.AppDbContext>>();

    [Fact]
    public async Task Every_imported_task_has_a_version_of_its_own()
    {
        var versions = await Portal.WithDbAsync(db => db.PlanTasks.Select(t => t.Version).ToListAsync());

        versions.Should().HaveCount(165).And.OnlyHaveUniqueItems().And.NotContain(Guid.Empty);
    }

    [Fact]
    public async Task Saving_a_task_stamps_a_new_version()
    {
        await using var db = await Contexts.CreateDbContextAsync();
        var task = await db.PlanTasks.SingleAsync(t => t.Number == 20);
        var before = task.Version;

        task.Difficulties = "园区监测数据尚未统一归集。";
        await db.SaveChangesAsync();

        task.Version.Should().NotBe(before).And.NotBe(Guid.Empty);
        (await VersionAsync(20)).Should().Be(task.Version, "the stored version is the one the entity now holds");
    }

    [Fact]
    public async Task Changing_only_a_milestone_stamps_its_task()
    {
        await using var db = await Contexts.CreateDbContextAsync();
        var task = await db.PlanTasks.Include(t => t.Milestones).SingleAsync(t => t.Number == 21);
        var before = task.Version;

        task.Milestones[0].IsDone = true;
        task.Milestones[0].CompletedOn = new DateOnly(2022, 6, 1);
        await db.SaveChangesAsync();

        (await VersionAsync(21)).Should().NotBe(before, "a milestone is part of its task");
    }

    [Fact]
    public async Task A_save_over_a_version_someone_else_replaced_is_refused_and_stores_nothing()
    {
        await using var first = await Contexts.CreateDbContextAsync();
        await using var second = await Contexts.CreateDbContextAsync();
        var mine = await first.PlanTasks.SingleAsync(t => t.Number == 22);
        var theirs = await second.PlanTasks.SingleAsync(t => t.Number == 22);

        theirs.Progress = 20;
        await second.SaveChangesAsync();
        mine.Progress = 70;
        var stale = () => first.SaveChangesAsync();

        await stale.Should().ThrowAsync<DbUpdateConcurrencyException>();
        (await Portal.WithDbAsync(db => db.PlanTasks.Where(t => t.Number == 22).Select(t => new { t.Progress, t.Version }).SingleAsync()))
            .Should().Be(new { Progress = 20, theirs.Version });
    }

    [Fact]
    public async Task A_save_that_expects_an_older_version_than_the_stored_one_is_refused()
    {
        await using var db = await Contexts.CreateDbContextAsync();
        var task = await db.PlanTasks.Include(t => t.Milestones).SingleAsync(t => t.Number == 24);
        var stored = task.Version;

        // The form was loaded before someone else's save: it carries a version the database no longer holds.
        db.ExpectVersion(task, Guid.NewGuid());
        task.Milestones[0].IsDone = true;
        task.Milestones[0].CompletedOn = new DateOnly(2022, 6, 1);
        var save = () => db.SaveChangesAsync();

        await save.Should().ThrowAsync<DbUpdateConcurrencyException>();
        (await VersionAsync(24)).Should().Be(stored);
        (await Portal.WithDbAsync(db => db.Milestones.Where(m => m.PlanTask.Number == 24).Select(m => m.IsDone).ToListAsync()))
            .Should().OnlyContain(done => !done, "the whole save is refused, milestone included");
    }

    [Fact]
    public async Task A_report_gets_a_version_when_added_and_a_new_one_when_changed()
    {
        const int number = 23;
        var planId = await Portal.WithDbAsync(db => db.Plans.Select(p => p.Id).SingleAsync());
        var unitId = await Portal.WithDbAsync(db => db.PlanTaskLeadUnits.Where(l => l.PlanTask.Number == number).Select(l => l.LeadUnitId).FirstAsync());
        var unit = new ActionPlan.Web.Features.Accounts.AccessScope("unit23", false, unitId, false, false);
        var reports = Portal.Services.GetRequiredService<ProgressReports>();

        var draft = await reports.SaveAsync(unit, planId, new ReportInput(null, number, "好差评体系已完善。", 40, null, null, [], []), submit: false);
        var added = await ReportVersionAsync(draft.ReportId!.Value);
        await reports.SaveAsync(unit, planId, new ReportInput(draft.ReportId, number, "好差评体系已完善，满意率 99%。", 50, null, null, [], []), submit: false);

        added.Should().NotBe(Guid.Empty);
        (await ReportVersionAsync(draft.ReportId.Value)).Should().NotBe(added);
    }

    private Task<Guid> VersionAsync(int number) => Portal.WithDbAsync(db => db.PlanTasks.Where(t => t.Number == number).Select(t => t.Version).SingleAsync());

    private Task<Guid> ReportVersionAsync(int id) => Portal.WithDbAsync(db => db.ProgressReports.Where(r => r.Id == id).Select(r => r.Version).SingleAsync());
}

public sealed class SqliteVersionStampTests(SqlitePortal fixture) : VersionStampTests(fixture), IClassFixture<SqlitePortal>;

public sealed class PostgresVersionStampTests(PostgresPortal fixture) : VersionStampTests(fixture), IClassFixture<PostgresPortal>;
