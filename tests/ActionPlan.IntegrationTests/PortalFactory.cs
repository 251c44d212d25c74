using System.Data.Common;
using System.Net;
using System.Text.RegularExpressions;
using ActionPlan.Data;
using ActionPlan.Data.Entities;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace ActionPlan.IntegrationTests;

/// <summary>Counts the SQL commands the app sends, to prove pages use a fixed number of round trips.</summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<(int Number, string Text)> _texts = new();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>The commands sent after the <paramref name="count"/>-th, their first line each: for a failing round-trip check's message.</summary>
    public string TextsAfter(int count) =>
        string.Join("\n", _texts.Where(t => t.Number > count).Select(t => $"{t.Number}: {t.Text}"));

    private void Record(DbCommand command)
    {
        var number = Interlocked.Increment(ref _count);
        _texts.Enqueue((number, command.CommandText.Length > 300 ? command.CommandText[..300] : command.CommandText));
        while (_texts.Count > 200)
        {
            _texts.TryDequeue(out _);
        }
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return base.ReaderExecuting(command, eventData, result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }
}

/// <summary>The portal in-process on the given database, seeded from the repository's seeds/ on start.</summary>
public sealed partial class PortalFactory(TestDatabase database, string environment = "Testing") : WebApplicationFactory<Program>
{
    public CommandCounter Commands { get; } = new();

    /// <summary>High by default so tests that sign in often are not throttled; the rate-limit test lowers it.</summary>
    public int SignInAttemptsPerMinute { get; init; } = 1000;

    public LogCapture Log { get; } = new();

    /// <summary>Extra services for one test's host (e.g. a FakeTimeProvider), applied last.</summary>
    public Action<IServiceCollection>? Services_ { get; init; }

    /// <summary>Extra configuration for one test's host.</summary>
    public Dictionary<string, string> Settings { get; init; } = [];

    public string LogText() => Log.Text();

    public TestDatabase Database => database;

    public static string SeedFolder => Path.Combine(AppContext.BaseDirectory, "seeds");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting, not ConfigureAppConfiguration: Program reads the provider before Build().
        builder.UseEnvironment(environment);
        // Outside Development the static web assets manifest is not read by default; Kestrel-hosted browser tests need it.
        builder.UseStaticWebAssets();
        builder.UseSetting("Database:Provider", database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:ActionPlan", database.ConnectionString);
        builder.UseSetting("Seed:PlanDirectory", SeedFolder);
        builder.UseSetting("Seed:AdminPassword", Password);
        builder.UseSetting("Security:SignInAttemptsPerMinute", SignInAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.ConfigureDbContext<AppDbContext>(options => options.AddInterceptors(Commands));
            // Program reads sinks from DI (ReadFrom.Services): every log event of this host lands here too.
            services.AddSingleton<ILogEventSink>(Log);
            Services_?.Invoke(services);
        });
    }

    public const string Password = "Test@2022pass";

    /// <summary>Creates an account directly (no initial-password change), bound to <paramref name="leadUnit"/> for the LeadUnit role.</summary>
    public async Task<AppUser> CreateUserAsync(string userName, string role, string? leadUnit = null, bool mustChangePassword = false)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        int? unitId = leadUnit is null ? null : await WithDbAsync(db => db.LeadUnits.Where(u => u.Name == leadUnit).Select(u => (int?)u.Id).SingleAsync());
        var user = new AppUser { UserName = userName, DisplayName = userName, LeadUnitId = unitId, MustChangePassword = mustChangePassword };
        var created = await users.CreateAsync(user, Password);
        created.Succeeded.Should().BeTrue(string.Join(", ", created.Errors.Select(e => e.Code)));
        (await users.AddToRoleAsync(user, role)).Succeeded.Should().BeTrue();
        return user;
    }

    /// <summary>A client without automatic redirects, signed in through the real sign-in form when a user name is given.</summary>
    public async Task<HttpClient> ClientAsync(string? userName = null, string password = Password)
    {
        // https, so the Secure cookie of Production is kept by the client as a browser would keep it.
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") });
        if (userName is not null)
        {
            var response = await PostLoginAsync(client, userName, password);
            response.StatusCode.Should().Be(HttpStatusCode.Redirect);
            response.Headers.Location!.OriginalString.Should().NotContain("error=", $"{userName} should sign in");
        }

        return client;
    }

    /// <summary>GETs the sign-in page for its antiforgery token, then posts the form as a browser would.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string userName, string password)
    {
        var page = await client.GetStringAsync("/account/login");
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        return await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    /// <summary>The newest audit row's id (0 when there is none), to read what a step adds after it.</summary>
    public Task<long> LastAuditIdAsync() => WithDbAsync(async db => await db.AuditEntries.MaxAsync(a => (long?)a.Id) ?? 0);

    /// <summary>The audit rows written after <paramref name="lastAudit"/>, oldest first.</summary>
    public Task<List<AuditEntry>> AuditSinceAsync(long lastAudit) =>
        WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Id > lastAudit).OrderBy(a => a.Id).ToListAsync());

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        var contexts = Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await read(db);
    }
}

/// <summary>Every log event of one host, rendered with its properties, as an operator would read it.</summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

    public void Emit(LogEvent logEvent) =>
        _lines.Enqueue(logEvent.RenderMessage().Replace("\"", "") + " " + string.Join(" ", logEvent.Properties.Select(p => $"{p.Key}={p.Value}")) + " " + logEvent.Exception);

    public string Text() => string.Join("\n", _lines);
}
