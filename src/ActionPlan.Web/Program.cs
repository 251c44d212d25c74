using ActionPlan.Data;
using ActionPlan.Data.Import;
using ActionPlan.Web.Components;
using ActionPlan.Web.Features.Plans;
using ActionPlan.Web.Features.Tasks;
using ActionPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using MudBlazor.Services;
using Serilog;
using Serilog.Events;

PlanCommand? command;
try
{
    command = PlanCommand.TryParse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(PlanCommand.Usage);
    return 2;
}

if (command is { NeedsDatabase: false })
{
    return command.RunParse(Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(command?.HostArgs ?? args);

builder.Services.AddSerilog((services, logger) =>
{
    if (command is not null)
    {
        // Command-line verbs keep standard output for their result: every log line goes to standard error.
        logger.MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .WriteTo.Console(standardErrorFromLevel: LogEventLevel.Verbose);
        return;
    }

    logger.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services).Enrich.FromLogContext();
});

var database = DatabaseSettings.From(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddSingleton(database);
builder.Services.AddDbContextFactory<AppDbContext>(database.Configure);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<PlanImporter>();
builder.Services.AddSingleton<PlanExporter>();
builder.Services.AddSingleton<DatabaseInitializer>();
builder.Services.AddScoped<CurrentPlan>();
builder.Services.AddSingleton<TaskQueries>();

builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();

var app = builder.Build();

if (command is not null)
{
    return await command.RunWithDatabaseAsync(app.Services, Console.Out, Console.Error, CancellationToken.None);
}

app.Logger.LogInformation("Database: {Database}", database.Describe());
await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}

app.UseSerilogRequestLogging();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();

app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();
return 0;

/// <summary>Entry point type, public for WebApplicationFactory.</summary>
public partial class Program;
