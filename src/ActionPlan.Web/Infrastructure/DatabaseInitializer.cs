using ActionPlan.Data;
using ActionPlan.Data.Import;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Infrastructure;

/// <summary>Applies migrations at start-up (never EnsureCreated) and seeds the plan texts into an empty database.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<AppDbContext> contexts,
    PlanImporter importer,
    IConfiguration configuration,
    ILogger<DatabaseInitializer> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await MigrateAsync(cancellationToken);
        if (!configuration.GetValue("Seed:ImportPlans", true))
        {
            return;
        }

        var folder = SeedFolder(configuration);
        var results = await importer.SeedIfEmptyAsync(folder, cancellationToken);
        foreach (var result in results)
        {
            logger.LogInformation("Seeded {Source}: {Outcome}, {Tasks} tasks", result.SourceName, result.Outcome, result.Tasks);
        }
    }

    /// <summary><c>Seed:PlanDirectory</c>, else the <c>seeds</c> folder copied next to the app.</summary>
    public static string SeedFolder(IConfiguration configuration) =>
        Path.GetFullPath(configuration["Seed:PlanDirectory"] ?? Path.Combine(AppContext.BaseDirectory, "seeds"));
}
