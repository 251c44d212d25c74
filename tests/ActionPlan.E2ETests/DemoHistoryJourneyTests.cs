using ActionPlan.Web.Infrastructure;
using Microsoft.Playwright;

namespace ActionPlan.E2ETests;

/// <summary>The portal as a newcomer's demo starts it: the demo accounts and the played history up to 2022-06-20.</summary>
public sealed class DemoHistoryPortal : BrowserPortal
{
    protected override Dictionary<string, string> ExtraSettings => new()
    {
        ["Seed:DemoUsers"] = "true",
        ["Seed:DemoHistory"] = "true",
        ["Clock:Today"] = "2022-06-20",
        ["DeadlineWatch:Enabled"] = "false",
    };
}

/// <summary>What leadership and the office see on the demo history: a living plan, marked 演示数据 on every page.</summary>
public sealed class DemoHistoryJourneyTests(DemoHistoryPortal portal) : IClassFixture<DemoHistoryPortal>
{
    [Fact]
    public async Task Leadership_sees_a_living_plan_today_and_the_plan_as_it_stood_at_the_end_of_April()
    {
        var page = await portal.SignInAsync("leader", SeedOptions.DefaultDemoPassword);
        await page.GotoAsync(new Uri(portal.BaseAddress, "dashboard").ToString());
        await BrowserPortal.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("demo-data")).ToHaveTextAsync("演示数据");
        var completed = int.Parse(await Figure(page, "已完成"));
        var inProgress = int.Parse(await Figure(page, "推进中"));
        completed.Should().BeGreaterThan(0);
        inProgress.Should().BeGreaterThan(100);
        int.Parse(await Figure(page, "按时完成")).Should().BeGreaterThan(0);
        await Assertions.Expect(page.GetByTestId("reporting-section")).ToBeVisibleAsync();
        await BrowserPortal.ScreenshotAsync(page, "demo-dashboard");
        // The domain chart names its bars (short names), not only numbers.
        await Assertions.Expect(page.GetByTestId("status-chart")).ToContainTextAsync("开办企业");
        await page.GetByTestId("status-chart").ScreenshotAsync(new() { Path = Path.Combine(BrowserPortal.ScreenshotFolder, "demo-domain-chart.png") });

        await page.GetByTestId("asof-input").FillAsync("2022-04-30");
        await page.GetByTestId("asof-form").Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("asof=2022-04-30", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByTestId("asof-note")).ToContainTextAsync("2022年4月30日");
        int.Parse(await Figure(page, "已完成")).Should().Be(0, "no task was closed before May");
        int.Parse(await Figure(page, "推进中")).Should().BeInRange(1, inProgress + completed);
        await BrowserPortal.ScreenshotAsync(page, "demo-dashboard-2022-04-30");
    }

    [Fact]
    public async Task The_office_finds_issued_reports_waiting_reviews_and_slips_from_the_demo()
    {
        var page = await portal.SignInAsync("office", SeedOptions.DefaultDemoPassword);
        await page.GotoAsync(new Uri(portal.BaseAddress, "dispatch/issued").ToString());
        await BrowserPortal.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("issued-table")).ToContainTextAsync("第1期");
        await Assertions.Expect(page.GetByTestId("issued-table")).ToContainTextAsync("第2期");
        await BrowserPortal.ScreenshotAsync(page, "demo-issued");

        await page.GotoAsync(new Uri(portal.BaseAddress, "reviews").ToString());
        await BrowserPortal.WaitInteractiveAsync(page);
        await Assertions.Expect(page.Locator("main, .mud-main-content").First).ToContainTextAsync("待审核");
        await BrowserPortal.ScreenshotAsync(page, "demo-reviews");

        await page.GotoAsync(new Uri(portal.BaseAddress, "slips").ToString());
        await BrowserPortal.WaitInteractiveAsync(page);
        await Assertions.Expect(page.Locator(".mud-main-content")).ToContainTextAsync("督办");
        await BrowserPortal.ScreenshotAsync(page, "demo-slips");

        await page.GotoAsync(new Uri(portal.BaseAddress, "rounds").ToString());
        await BrowserPortal.WaitInteractiveAsync(page);
        await Assertions.Expect(page.Locator(".mud-main-content")).ToContainTextAsync("2022年6月调度");
        await BrowserPortal.ScreenshotAsync(page, "demo-rounds");
    }

    private static async Task<string> Figure(IPage page, string label) =>
        (await page.Locator($"[data-testid=figure][data-label='{label}']").InnerTextAsync()).Trim().Replace(",", "");
}
