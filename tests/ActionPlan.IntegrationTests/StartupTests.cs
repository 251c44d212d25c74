using System.Net;
using ActionPlan.Data.Import;
using ActionPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ActionPlan.IntegrationTests;

/// <summary>Start-up on a fresh database: restarts and concurrent instances never duplicate the plan.</summary>
public abstract class StartupTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Restart_on_a_seeded_database_imports_nothing_again()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var first = new PortalFactory(database))
        {
            (await first.CreateClient().GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await using var second = new PortalFactory(database);
        (await second.CreateClient().GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);

        (await second.WithDbAsync(db => db.Plans.CountAsync())).Should().Be(1);
        (await second.WithDbAsync(db => db.PlanTasks.CountAsync())).Should().Be(165);
        (await second.WithDbAsync(db => db.Milestones.CountAsync())).Should().Be(151);
    }

    [Fact]
    public async Task Seeding_raced_by_several_callers_imports_the_plan_once()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var portal = new PortalFactory(database);
        portal.CreateClient().Dispose();
        // Empty the seeded database again, then let four seeders race for it.
        await portal.WithDbAsync(db => db.Plans.ExecuteDeleteAsync());
        await portal.WithDbAsync(db => db.LeadUnits.ExecuteDeleteAsync());

        var importer = portal.Services.GetRequiredService<PlanImporter>();
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => importer.SeedIfEmptyAsync(PortalFactory.SeedFolder))));

        results.SelectMany(r => r).Count(r => r.Outcome == ImportOutcome.Imported).Should().Be(1);
        (await portal.WithDbAsync(db => db.Plans.CountAsync())).Should().Be(1);
        (await portal.WithDbAsync(db => db.PlanTasks.CountAsync())).Should().Be(165);
        (await portal.WithDbAsync(db => db.LeadUnits.CountAsync())).Should().Be(
            await portal.WithDbAsync(db => db.LeadUnits.Select(u => u.Name).Distinct().CountAsync()));
    }
}

public sealed class SqliteStartupTests() : StartupTests(DatabaseProvider.Sqlite);

public sealed class PostgresStartupTests() : StartupTests(DatabaseProvider.Postgres)
{
    [Fact]
    public async Task Two_instances_starting_together_on_one_database_import_the_plan_once()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var first = new PortalFactory(database);
        await using var second = new PortalFactory(database);

        // Each CreateClient builds a host: migrations and seeding run in both at the same time.
        await Task.WhenAll(Task.Run(() => first.CreateClient()), Task.Run(() => second.CreateClient()));

        (await first.WithDbAsync(db => db.Plans.CountAsync())).Should().Be(1);
        (await first.WithDbAsync(db => db.PlanTasks.CountAsync())).Should().Be(165);
        (await first.WithDbAsync(db => db.Milestones.CountAsync())).Should().Be(151);
        (await first.WithDbAsync(db => db.Users.CountAsync(u => u.UserName == "admin"))).Should().Be(1);
        await second.CreateUserAsync("office2", ActionPlan.Data.Entities.Roles.Office);
        (await (await second.ClientAsync("office2")).GetAsync("/tasks")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Ready_turns_503_when_the_database_goes_away_while_live_stays_200()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var portal = new PortalFactory(database);
        var client = portal.CreateClient();
        (await client.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);

        await database.DropAsync();

        (await client.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await client.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}

public sealed class ProductionErrorTests
{
    [Fact]
    public async Task Production_hides_exception_details()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var portal = new PortalFactory(database, environment: "Production");
        portal.CreateClient().Dispose();
        await portal.CreateUserAsync("office3", ActionPlan.Data.Entities.Roles.Office);
        var client = await portal.ClientAsync("office3");
        await portal.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DROP TABLE \"PlanTaskLeadUnits\""));

        var response = await client.GetAsync("/tasks");
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        html.Should().Contain("处理请求时出错").And.NotContain("SqliteException").And.NotContain("   at ");
    }
}
