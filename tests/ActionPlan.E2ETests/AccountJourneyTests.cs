using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ActionPlan.E2ETests;

/// <summary>Each role signs in through the real form, lands on its page and sees only its menu.</summary>
public sealed class AccountJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Theory]
    [InlineData("admin1", "/admin/users", "账号管理", new[] { "总览", "任务清单", "督办单", "延期申请", "调度轮次", "调度通报", "预警", "待审核", "计划管理", "上传计划", "账号管理", "消息通道" })]
    [InlineData("office1", "/tasks", "任务清单", new[] { "总览", "任务清单", "督办单", "延期申请", "调度轮次", "调度通报", "预警", "待审核", "计划管理", "上传计划" })]
    [InlineData("leader1", "/dashboard", "总览", new[] { "总览", "任务清单", "督办单", "延期申请", "调度轮次", "调度通报", "预警", "待审核", "计划管理" })]
    [InlineData("unit1", "/tasks", "我的任务", new[] { "总览", "我的任务", "督办单", "本期待报送", "延期申请" })]
    public async Task Each_role_lands_on_its_page_with_its_menu(string user, string landing, string title, string[] menu)
    {
        var page = await portal.SignInAsync(user);

        new Uri(page.Url).AbsolutePath.Should().Be(landing);
        await Assertions.Expect(page.Locator("#page-title")).ToHaveTextAsync(title);
        var items = await page.Locator(".mud-navmenu .mud-nav-link-text").AllInnerTextsAsync();
        items.Select(i => i.Trim()).Should().Equal(menu);
        await BrowserPortal.ScreenshotAsync(page, $"role-{user}");
    }

    [Fact]
    public async Task The_menu_button_closes_and_reopens_the_menu()
    {
        var page = await portal.SignInAsync("office1");
        var drawer = page.Locator("aside.mud-drawer");
        await Assertions.Expect(drawer).ToHaveClassAsync(new Regex("mud-drawer--open"));

        await page.GetByLabel("切换菜单").ClickAsync();
        await Assertions.Expect(drawer).ToHaveClassAsync(new Regex("mud-drawer--closed"));
        await Assertions.Expect(page.GetByTestId("nav-tasks")).Not.ToBeInViewportAsync();

        await page.GetByLabel("切换菜单").ClickAsync();
        await Assertions.Expect(drawer).ToHaveClassAsync(new Regex("mud-drawer--open"));
        await Assertions.Expect(page.GetByTestId("nav-tasks")).ToBeInViewportAsync();
    }

    [Fact]
    public async Task Lead_unit_sees_only_its_tasks_and_another_units_task_is_not_found()
    {
        var page = await portal.SignInAsync("unit1");
        await Assertions.Expect(page.GetByTestId("result-count")).ToContainTextAsync("共 23 项任务");
        await Assertions.Expect(page.GetByTestId("filter-unit")).ToHaveCountAsync(0);

        await page.GotoAsync(new Uri(portal.BaseAddress, "tasks/9").ToString());
        await Assertions.Expect(page.GetByText("未找到您要访问的内容")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Admin_creates_an_account_in_the_dialog_and_sees_it_listed()
    {
        var page = await portal.SignInAsync("admin1");
        await page.GetByTestId("create-user").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await dialog.Locator("input").First.FillAsync("x");
        await dialog.GetByTestId("dialog-save").ClickAsync();
        await Assertions.Expect(dialog.GetByTestId("dialog-error")).ToContainTextAsync("用户名须为 3–50 个字母");
        await BrowserPortal.ScreenshotAsync(page, "admin-create-user-error");

        await dialog.Locator("input").First.FillAsync("office7");
        await dialog.Locator("input[type=password]").FillAsync("Office7@2022pass");
        await dialog.GetByTestId("dialog-save").ClickAsync();

        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("已创建账号 office7");
        await Assertions.Expect(page.Locator(".mud-table-body")).ToContainTextAsync("office7");
        await BrowserPortal.ScreenshotAsync(page, "admin-users");
    }

    [Fact]
    public async Task Sign_out_returns_to_the_sign_in_page()
    {
        var page = await portal.SignInAsync("office1");
        await page.GetByTestId("logout").ClickAsync();
        await page.WaitForURLAsync(new Regex("/account/login"));
        await page.GotoAsync(new Uri(portal.BaseAddress, "tasks").ToString());
        await page.WaitForURLAsync(new Regex("/account/login"));
    }
}

public sealed class DashboardJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task Leadership_opens_the_dashboard_and_a_domains_overdue_count_leads_to_the_same_tasks()
    {
        var page = await portal.SignInAsync("leader1");
        await page.GotoAsync(new Uri(portal.BaseAddress, "dashboard").ToString());
        await BrowserPortal.WaitInteractiveAsync(page);
        await BrowserPortal.ScreenshotAsync(page, "dashboard");

        var link = page.GetByTestId("domain-row").Filter(new() { HasText = "获得电力领域" }).GetByTestId("domain-overdue");
        var count = (await link.InnerTextAsync()).Trim();
        await link.ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("level=overdue", StringComparison.Ordinal), new() { WaitUntil = Microsoft.Playwright.WaitUntilState.Commit });
        await Microsoft.Playwright.Assertions.Expect(page.GetByTestId("result-count")).ToContainTextAsync($"筛选出 {count} 项任务");
    }
}
