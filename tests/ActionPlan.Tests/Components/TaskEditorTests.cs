using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Data.Import;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Rules;
using ActionPlan.Web.Features.Tasks;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using MudBlazor.Services;

namespace ActionPlan.Tests.Components;

/// <summary>The office's edit form, rendered with bunit over the real services on an in-memory SQLite database.</summary>
public sealed class TaskEditorTests : IAsyncLifetime
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private BunitContext _ctx = null!;
    private int _planId;

    public async Task InitializeAsync()
    {
        await _connection.OpenAsync();
        _ctx = new BunitContext();
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddDbContextFactory<AppDbContext>(o => o
            .UseApplicationServiceProvider(AppDbContext.IdentityModelServices)
            .UseSqlite(_connection, s => s.MigrationsAssembly("ActionPlan.Migrations.Sqlite")));
        _ctx.Services.AddSingleton(TimeProvider.System);
        _ctx.Services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        _ctx.Services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        _ctx.Services.AddSingleton(new ActionPlan.Web.Features.Shared.ClockOptions());
        _ctx.Services.AddSingleton<ActionPlan.Web.Features.Shared.PortalClock>();
        _ctx.Services.AddSingleton(new DeadlineSettings(15, 5, 7, TimeSpan.FromHours(1)));
        _ctx.Services.AddSingleton<ActionPlan.Web.Features.Audit.AuditWriter>();
        _ctx.Services.AddSingleton<TaskWorkspace>();
        _ctx.Services.AddSingleton<TaskQueries>();
        _ctx.Services.AddSingleton<ActionPlan.Web.Features.Shared.UnsavedInputs>();
        _ctx.Services.AddScoped<UserAccess>();
        _ctx.AddAuthorization().SetAuthorized("office1").SetRoles(Roles.Office);
        _ctx.SetRendererInfo(new RendererInfo("Server", true));

        var contexts = _ctx.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }

        var seed = Path.Combine(AppContext.BaseDirectory, "seeds", "shandong-2022-business-environment-action-plan.txt");
        var importer = new PlanImporter(contexts, TimeProvider.System, NullLogger<PlanImporter>.Instance);
        _planId = (await importer.ImportAsync(new PlanSource("plan.txt", await File.ReadAllBytesAsync(seed)))).PlanId!.Value;
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private async Task<IRenderedComponent<TaskEditor>> RenderAsync(int number)
    {
        var office = new AccessScope("office1", true, null, true, false);
        var task = await _ctx.Services.GetRequiredService<TaskQueries>().GetAsync(office, _planId, number);
        _ctx.Render<MudPopoverProvider>();
        _ctx.Render<MudSnackbarProvider>();
        return _ctx.Render<TaskEditor>(p => p
            .Add(e => e.Task, task!)
            .Add(e => e.PlanId, _planId)
            .Add(e => e.LastSeenAuditId, 0L));
    }

    [Fact]
    public async Task Progress_out_of_range_shows_the_chinese_message_and_keeps_the_typed_values()
    {
        var editor = await RenderAsync(10);
        editor.Find("[data-testid=edit-progress] input, input[data-testid=edit-progress]").Change("120");
        editor.Find("[data-testid=edit-summary] textarea, textarea[data-testid=edit-summary]").Input("已完成系统选型"); // debounced while typing: the field listens to input, not change

        await editor.Find("[data-testid=edit-save]").ClickAsync(new());

        editor.WaitForAssertion(() => editor.Markup.Should().Contain("进度须在 0 到 100 之间"));
        editor.Markup.Should().Contain("已完成系统选型", "the summary typed stays in the form");
        editor.Find("[data-testid=edit-progress] input, input[data-testid=edit-progress]").GetAttribute("value").Should().Be("120");
        await using var db = await _ctx.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        (await db.PlanTasks.SingleAsync(t => t.Number == 10)).Progress.Should().Be(0, "nothing is saved on bad input");
    }

    [Fact]
    public async Task Progress_without_a_start_asks_for_a_reason_under_the_reason_field()
    {
        var editor = await RenderAsync(11);
        editor.Find("[data-testid=edit-progress] input, input[data-testid=edit-progress]").Change("20");

        await editor.Find("[data-testid=edit-save]").ClickAsync(new());

        editor.WaitForAssertion(() => editor.Markup.Should().Contain("“未启动”的任务已有进度"));
        await using var db = await _ctx.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        (await db.AuditEntries.CountAsync()).Should().Be(0);
    }
}
