using ActionPlan.Web.Components;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Api;
using ActionPlan.Web.Features.Audit;
using ActionPlan.Web.Features.Channels;
using ActionPlan.Web.Features.Closing;
using ActionPlan.Web.Features.Dashboard;
using ActionPlan.Web.Features.Deadlines;
using ActionPlan.Web.Features.Demo;
using ActionPlan.Web.Features.Dispatch;
using ActionPlan.Web.Features.Extensions;
using ActionPlan.Web.Features.Ledger;
using ActionPlan.Web.Features.Plans;
using ActionPlan.Web.Features.Reports;
using ActionPlan.Web.Features.Rounds;
using ActionPlan.Web.Features.Shared;
using ActionPlan.Web.Features.Slips;
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
}, preserveStaticLogger: true); // each host its own logger (tests run several hosts in one process)

// Each feature registers its own services and settings (validated at start-up, each message naming its key).
var background = command is null;
builder.Services
    .AddPortalDatabase(DatabaseSettings.From(builder.Configuration, builder.Environment.ContentRootPath))
    .AddPortalClock()
    .AddAuditTrail()
    .AddChannels(builder.Configuration, background)
    .AddAccounts(builder.Environment)
    .AddTasks()
    .AddProgressReports()
    .AddDeadlineWatch(builder.Configuration, background)
    .AddDashboard(builder.Configuration, background)
    .AddDispatchReport()
    .AddLedger()
    .AddReportingRounds(builder.Configuration, background)
    .AddDeadlineExtensions()
    .AddTaskClosing()
    .AddSupervisionSlips()
    .AddDemoHistory(builder.Environment)
    .AddPlanUploads()
    .AddApi()
    .AddPlanAdministration();

builder.Services.AddValidatedOptions<InstanceOptions>(InstanceOptions.Section);
builder.Services.AddValidatedOptions<ProxyOptions>(ProxyOptions.Section);

// Chinese text is written as is, not as &#x…; entities: pages stay readable and a third smaller.
builder.Services.AddWebEncoders(options => options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices(options => options.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight);

var app = builder.Build();

// Every setting is checked before any work starts: a bad value stops here with a message naming its key.
try
{
    app.Services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
}
catch (Exception ex) when (ex is Microsoft.Extensions.Options.OptionsValidationException or InvalidOperationException)
{
    Console.Error.WriteLine($"配置有误，无法启动 (invalid configuration): {ex.Message}");
    return 1;
}

if (command is not null)
{
    return await command.RunWithDatabaseAsync(app.Services, Console.Out, Console.Error, CancellationToken.None);
}

app.Logger.LogInformation("Database: {Database}", app.Services.GetRequiredService<DatabaseSettings>().Describe());
await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();

// First: behind a proxy ending TLS, the scheme and client address are the proxy's X-Forwarded-* (trusted proxies only).
var forwarded = new ForwardedHeadersOptions();
app.Services.GetRequiredService<ProxyOptions>().Apply(forwarded);
app.UseForwardedHeaders(forwarded);

// Next, so every response of a named instance (behind a proxy) says which instance served it.
if (app.Services.GetRequiredService<InstanceOptions>().IsNamed)
{
    app.UseMiddleware<InstanceAffinityMiddleware>();
}

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}

app.UseSerilogRequestLogging();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseMiddleware<ApiProblemMiddleware>();
app.UseAuthentication();
app.UseAuthorization();
// After authorization, so the API's limit is partitioned by the authenticated token.
app.UseRateLimiter();
app.UseMiddleware<MustChangePasswordMiddleware>();
app.UseAntiforgery();

app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
app.MapStaticAssets().AllowAnonymous();
app.MapAccountEndpoints();
app.MapReportEndpoints();
app.MapSlipEndpoints();
app.MapLedgerEndpoints();
app.MapDispatchEndpoints();
app.MapIssuedDispatchEndpoints();
app.MapApiEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();
return 0;

/// <summary>Entry point type, public for WebApplicationFactory.</summary>
public partial class Program;
