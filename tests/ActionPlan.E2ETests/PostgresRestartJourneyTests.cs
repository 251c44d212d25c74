using ActionPlan.IntegrationTests;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ActionPlan.E2ETests;

/// <summary>
/// PostgreSQL restarts while a browser has the portal open (#16). The open page's circuit lives on: a save during the
/// outage is refused with a message and keeps the input, the same page saves once the server is back, and the
/// same circuit moves on to other pages. The server is the test's own (the shared one serves every other test).
/// </summary>
public sealed class PostgresRestartJourneyTests : IAsyncLifetime
{
    private PrivatePostgres _server = null!;
    private PortalFactory _portal = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        _server = await PrivatePostgres.StartAsync();
        _portal = new PortalFactory(await TestDatabase.CreateOnAsync(_server.ConnectionString)) { Settings = { ["DeadlineWatch:Enabled"] = "false" } };
        _portal.UseKestrel(0);
        _portal.StartServer();
        await _portal.CreateUserAsync("office1", ActionPlan.Data.Entities.Roles.Office);
        var address = _portal.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _address = new Uri(address.Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1") + "/");
        _playwright = await Playwright.CreateAsync();
        _browser = await BrowserPortal.LaunchChromiumAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _portal.DisposeAsync();
        try
        {
            await _portal.Database.DisposeAsync();
        }
        finally
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_open_page_keeps_its_input_through_a_PostgreSQL_restart_and_saves_afterwards()
    {
        var context = await BrowserPortal.NewDesktopContextAsync(_browser);
        var page = await context.NewPageAsync();
        await BrowserPortal.SignInOnAsync(page, _address, "office1");
        await page.GotoAsync(new Uri(_address, "tasks/7").ToString());
        await BrowserPortal.WaitInteractiveAsync(page);
        await BrowserPortal.ChooseAsync(page, page.GetByTestId("task-editor"), "状态", "推进中");
        await BrowserPortal.Field(page, "edit-progress").FillAsync("30");
        await BrowserPortal.Field(page, "edit-summary").FillAsync("数据库重启期间填写的进展");

        await _server.StopAsync();
        await page.GetByTestId("edit-save").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "数据库暂时无法连接" }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Assertions.Expect(BrowserPortal.Field(page, "edit-progress")).ToHaveValueAsync("30");
        await Assertions.Expect(BrowserPortal.Field(page, "edit-summary")).ToHaveValueAsync("数据库重启期间填写的进展");
        await BrowserPortal.ScreenshotAsync(page, "postgres-down-save-refused");

        await _server.StartAgainAsync();
        using (var client = new HttpClient { BaseAddress = _address })
        {
            var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while ((await client.GetAsync("health/ready")).StatusCode != System.Net.HttpStatusCode.OK)
            {
                DateTime.UtcNow.Should().BeBefore(until, "readiness returns once PostgreSQL is back");
                await Task.Delay(250);
            }
        }

        // The same page, the same circuit: the save goes through now.
        await page.GetByTestId("edit-save").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "已保存任务 7" }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("progress-value")).ToHaveTextAsync("进度：30%");
        var stored = await _portal.WithDbAsync(db => db.PlanTasks.Where(t => t.Number == 7).Select(t => new { t.Progress, t.ProgressSummary }).SingleAsync());
        stored.Progress.Should().Be(30);
        stored.ProgressSummary.Should().Be("数据库重启期间填写的进展");

        // And it moves on: the menu opens 任务清单 on the same circuit, and the search filters.
        await page.GetByRole(AriaRole.Link, new() { Name = "任务清单" }).First.ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/tasks", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.GetByTestId("result-count")).ToContainTextAsync("共 165 项任务");
        var search = page.Locator("input[data-testid=filter-search], [data-testid=filter-search] input").First;
        await search.FillAsync("政策有效期");
        await search.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("result-count")).ToContainTextAsync("筛选出 2 项任务");
        await context.CloseAsync();
    }
}
