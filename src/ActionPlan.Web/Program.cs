using System.Threading.RateLimiting;
using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Data.Import;
using ActionPlan.Web.Components;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Deadlines;
using ActionPlan.Web.Features.Dispatch;
using ActionPlan.Web.Features.Ledger;
using ActionPlan.Web.Features.Plans;
using ActionPlan.Web.Features.Reports;
using ActionPlan.Web.Features.Tasks;
using ActionPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
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

var database = DatabaseSettings.From(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddSingleton(database);
builder.Services.AddSingleton<ActionPlan.Web.Features.Dashboard.PlanDataSaved>();
builder.Services.AddDbContextFactory<AppDbContext>((services, options) =>
{
    database.Configure(options);
    options.AddInterceptors(services.GetRequiredService<ActionPlan.Web.Features.Dashboard.PlanDataSaved>());
});
// Identity's stores take a scoped context; it is created from the same factory and lives one request or DI scope.
builder.Services.AddScoped(services => services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<PlanImporter>();
builder.Services.AddSingleton<PlanExporter>();
builder.Services.AddSingleton<DatabaseInitializer>();
builder.Services.AddSingleton<CurrentPlan>();
builder.Services.AddSingleton<TaskQueries>();
builder.Services.AddSingleton<TaskWorkspace>();
builder.Services.AddSingleton<ActionPlan.Web.Features.Audit.AuditWriter>();
builder.Services.AddSingleton<PortalClock>();
builder.Services.AddSingleton(DeadlineSettings.From(builder.Configuration));
builder.Services.AddSingleton<AlertFeed>();
builder.Services.AddScoped<BellState>();
builder.Services.AddSingleton<DeadlineScanner>();
if (command is null && builder.Configuration.GetValue("DeadlineWatch:Enabled", true))
{
    builder.Services.AddHostedService(services => services.GetRequiredService<DeadlineScanner>());
}
builder.Services.AddSingleton<AlertQueries>();
builder.Services.AddSingleton<ActionPlan.Web.Features.Dashboard.FigureSnapshotRefresher>();
if (command is null && builder.Configuration.GetValue("Dashboard:Snapshots", true))
{
    builder.Services.AddHostedService(services => services.GetRequiredService<ActionPlan.Web.Features.Dashboard.FigureSnapshotRefresher>());
}

builder.Services.AddSingleton<ActionPlan.Web.Features.Dashboard.FigureCache>();
builder.Services.AddSingleton<ActionPlan.Web.Features.Dashboard.DashboardQueries>();
builder.Services.AddSingleton<ActionPlan.Web.Features.Dashboard.DashboardHtml>();
builder.Services.AddSingleton<ActionPlan.Web.Features.Dispatch.DispatchReportQueries>();
builder.Services.AddSingleton<ProgressReports>();

// Accounts: Identity on the same database, cookie sign-in, roles, revalidation of open circuits.
builder.Services.AddIdentityCore<AppUser>(options =>
    {
        AppDbContext.ConfigureIdentityStore(options);
        options.Password.RequiredLength = 10;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Lockout.AllowedForNewUsers = true;
        options.User.RequireUniqueEmail = false;
        options.SignIn.RequireConfirmedAccount = false;
    })
    .AddRoles<IdentityRole>()
    .AddEntityFrameworkStores<AppDbContext>()
    .AddSignInManager<PortalSignInManager>()
    .AddClaimsPrincipalFactory<PortalClaimsFactory>()
    .AddErrorDescriber<ChineseIdentityErrors>()
    .AddDefaultTokenProviders();
builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
builder.Services.ConfigureApplicationCookie(cookie =>
{
    cookie.LoginPath = AccountEndpoints.LoginPath;
    cookie.AccessDeniedPath = "/account/access-denied";
    cookie.Cookie.Name = "ActionPlan.Auth";
    cookie.Cookie.HttpOnly = true;
    cookie.Cookie.SameSite = SameSiteMode.Lax;
    cookie.Cookie.SecurePolicy = builder.Environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
    cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
    cookie.SlidingExpiration = true;
});
// How soon a disabled account or a changed role ends an existing sign-in cookie.
builder.Services.Configure<SecurityStampValidatorOptions>(options =>
    options.ValidationInterval = builder.Configuration.GetValue("Security:SessionValidationInterval", TimeSpan.FromMinutes(1)));
builder.Services.AddAuthorization(options =>
    // A page or endpoint that says nothing about access requires a signed-in user.
    options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddScoped<AuthenticationStateProvider, PortalAuthenticationStateProvider>();
builder.Services.AddScoped<UserAccess>();
builder.Services.AddSingleton<UserAdministration>();
builder.Services.AddSingleton<AccountSeeder>();
builder.Services.AddHttpContextAccessor();
builder.Services.AddDataProtection().SetApplicationName("ActionPlan").PersistKeysToDbContext<AppDbContext>();
builder.Services.AddRateLimiter(options =>
{
    options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    var perMinute = builder.Configuration.GetValue("Security:SignInAttemptsPerMinute", 10);
    options.AddPolicy(AccountEndpoints.SignInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
        _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
});

// Chinese text is written as is, not as &#x…; entities: pages stay readable and a third smaller.
builder.Services.AddWebEncoders(options => options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices(options => options.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight);

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
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseMiddleware<MustChangePasswordMiddleware>();
app.UseAntiforgery();

app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
app.MapStaticAssets().AllowAnonymous();
app.MapAccountEndpoints();
app.MapReportEndpoints();
app.MapLedgerEndpoints();
app.MapDispatchEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();
return 0;

/// <summary>Entry point type, public for WebApplicationFactory.</summary>
public partial class Program;
