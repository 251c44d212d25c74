using ActionPlan.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ActionPlan.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for this provider; it never connects.</summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseApplicationServiceProvider(AppDbContext.IdentityModelServices).UseNpgsql("Host=localhost;Database=actionplan_design", o => o.MigrationsAssembly(typeof(DesignTimeContextFactory).Assembly.GetName().Name)).Options);
}
