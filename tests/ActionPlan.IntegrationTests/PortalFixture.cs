using ActionPlan.Web.Infrastructure;

namespace ActionPlan.IntegrationTests;

/// <summary>One seeded portal per test class and provider; tests that need a fresh database make their own.</summary>
public abstract class PortalFixture(DatabaseProvider provider) : IAsyncLifetime
{
    public DatabaseProvider Provider { get; } = provider;

    public PortalFactory Portal { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // The hourly scanner and the figure refresher would otherwise run while page tests count round trips;
        // tests that need a figure snapshot refresh it themselves.
        Portal = new PortalFactory(await TestDatabase.CreateAsync(Provider)) { Settings = { ["DeadlineWatch:Enabled"] = "false", ["Dashboard:Snapshots"] = "false", ["Dashboard:CacheSeconds"] = "0" } };
        Portal.CreateClient().Dispose();
        await Portal.CreateUserAsync("office1", ActionPlan.Data.Entities.Roles.Office);
        Client = await Portal.ClientAsync("office1");
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Portal.DisposeAsync();
        await Portal.Database.DisposeAsync();
    }
}

public sealed class SqlitePortal() : PortalFixture(DatabaseProvider.Sqlite);

public sealed class PostgresPortal() : PortalFixture(DatabaseProvider.Postgres);
