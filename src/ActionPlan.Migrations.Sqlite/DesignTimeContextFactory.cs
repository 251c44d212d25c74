using ActionPlan.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ActionPlan.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for this provider; it never connects.</summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseApplicationServiceProvider(AppDbContext.IdentityModelServices).UseSqlite("Data Source=design-time.db", o => o.MigrationsAssembly(typeof(DesignTimeContextFactory).Assembly.GetName().Name)).Options);
}
