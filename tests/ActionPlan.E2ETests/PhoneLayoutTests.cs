using ActionPlan.Web.Infrastructure;
using Microsoft.Playwright;

namespace ActionPlan.E2ETests;

/// <summary>A lead unit's staff on a phone (390 × 844): 我的任务 as cards, the task page and the report form without sideways scrolling.</summary>
public sealed class PhoneLayoutTests(DemoHistoryPortal portal) : IClassFixture<DemoHistoryPortal>
{
    [Fact]
    public async Task A_unit_reports_from_a_phone_through_cards_the_task_page_and_the_report_form()
    {
        var context = await portal.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
            Locale = "zh-CN",
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync(new Uri(portal.BaseAddress, "account/login").ToString());
        await page.Locator("#userName").FillAsync("unit01");
        await page.Locator("#password").FillAsync(SeedOptions.DefaultDemoPassword);
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/tasks", StringComparison.Ordinal));
        await BrowserPortal.WaitInteractiveAsync(page);

        await Assertions.Expect(page.GetByTestId("task-cards")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("task-grid")).ToBeHiddenAsync();
        (await page.GetByTestId("task-card").CountAsync()).Should().BeGreaterThan(0);
        await ExpectNoSidewaysScrollAsync(page, "我的任务");
        await BrowserPortal.ScreenshotAsync(page, "phone-my-tasks");
        var bar = await page.Locator(".mud-appbar").BoundingBoxAsync();
        var signOut = await page.GetByTestId("logout").BoundingBoxAsync();
        (signOut!.X + signOut.Width).Should().BeLessThanOrEqualTo(bar!.X + bar.Width, "the header's last button is on the screen");
        var badge = await page.Locator("[data-testid=bell-badge] .mud-badge").BoundingBoxAsync();
        badge!.Y.Should().BeGreaterThanOrEqualTo(bar.Y, "the bell's count is not cut off at the top");
        await page.Locator(".mud-appbar").ScreenshotAsync(new() { Path = Path.Combine(BrowserPortal.ScreenshotFolder, "phone-app-bar.png") });

        await page.GetByTestId("task-card").Filter(new() { HasNotText = "已销号" }).First.GetByTestId("task-card-link").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/tasks/", StringComparison.Ordinal));
        await BrowserPortal.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("new-report")).ToBeVisibleAsync();
        await ExpectNoSidewaysScrollAsync(page, "任务详情");
        // The milestones keep readable columns: the table scrolls in its own box rather than squeezing them.
        var clause = await page.GetByTestId("milestone").First.Locator("td").Nth(2).BoundingBoxAsync();
        clause!.Width.Should().BeGreaterThan(120);
        await BrowserPortal.ScreenshotAsync(page, "phone-task");

        await page.GetByTestId("new-report").ClickAsync();
        await Assertions.Expect(page.GetByTestId("report-form")).ToBeVisibleAsync();
        await page.Locator("textarea[data-testid=report-text], [data-testid=report-text] textarea").First.FillAsync("已完成系统联调，正在组织试运行。");
        await ExpectNoSidewaysScrollAsync(page, "报送表单");
        await page.GetByTestId("report-form").ScreenshotAsync(new() { Path = Path.Combine(BrowserPortal.ScreenshotFolder, "phone-report-form.png") });

        // The buttons sit within a thumb's reach: inside the screen, at least 36 px tall.
        var submit = await page.GetByTestId("report-submit").BoundingBoxAsync();
        submit.Should().NotBeNull();
        (submit!.X + submit.Width).Should().BeLessThanOrEqualTo(390);
        submit.Height.Should().BeGreaterThanOrEqualTo(36);
        await page.GetByTestId("report-save-draft").ClickAsync();
        await Assertions.Expect(page.GetByTestId("reports")).ToContainTextAsync("草稿");
        await context.CloseAsync();
    }

    private static async Task ExpectNoSidewaysScrollAsync(IPage page, string what)
    {
        // Wide tables may scroll inside their own box; the page itself must not.
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var (scroll, client) = (widths[0], widths[1]);
        scroll.Should().BeLessThanOrEqualTo(client, $"{what} should not scroll sideways on a phone");
    }
}
