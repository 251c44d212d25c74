using ActionPlan.Data;
using ActionPlan.Data.Import;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Infrastructure;

/// <summary>Applies migrations at start-up (never EnsureCreated), seeds the plan texts into an empty database, then the accounts.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<AppDbContext> contexts,
    PlanImporter importer,
    ActionPlan.Web.Features.Accounts.AccountSeeder accounts,
    SeedOptions seed,
    IServiceProvider services,
    ILogger<DatabaseInitializer> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        // Instances starting together on one PostgreSQL would race to create the same tables: one at a time.
        // (The unique keys still make the seed import correct on their own.)
        await using var lockContext = await contexts.CreateDbContextAsync(cancellationToken);
        var postgres = lockContext.Database.IsNpgsql();
        if (postgres)
        {
            await lockContext.Database.OpenConnectionAsync(cancellationToken);
            await lockContext.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({AdvisoryLocks.Startup})", cancellationToken);
        }

        try
        {
            await InitializeUnlockedAsync(cancellationToken);
        }
        finally
        {
            if (postgres)
            {
                await lockContext.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({AdvisoryLocks.Startup})", CancellationToken.None);
            }
        }
    }

    private async Task InitializeUnlockedAsync(CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken);
        if (seed.ImportPlans)
        {
            var results = await importer.SeedIfEmptyAsync(seed.PlanFolder, cancellationToken);
            foreach (var result in results)
            {
                logger.LogInformation("Seeded {Source}: {Outcome}, {Tasks} tasks", result.SourceName, result.Outcome, result.Tasks);
            }
        }

        // Accounts come after the plan so demo accounts can be bound to its lead units.
        await accounts.SeedAsync(cancellationToken);

        // The demo history comes last: it plays through the demo accounts, under the start-up lock (one instance plays it).
        if (seed.DemoHistory)
        {
            await services.GetRequiredService<ActionPlan.Web.Features.Demo.DemoHistory>().PlayIfWantedAsync(cancellationToken);
        }
    }
}
