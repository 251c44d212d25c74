using ActionPlan.Web.Features.Deadlines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ActionPlan.E2ETests;

/// <summary>The portal on the simulated date 2022-06-20, with the scanner left to the test.</summary>
public sealed class SimulatedDatePortal : BrowserPortal
{
    protected override Dictionary<string, string> ExtraSettings => new()
    {
        ["Clock:Today"] = "2022-06-20",
        ["DeadlineWatch:Enabled"] = "false",
    };
}

public sealed class DeadlineJourneyTests(SimulatedDatePortal portal) : IClassFixture<SimulatedDatePortal>
{
    [Fact]
    public async Task The_bell_count_rises_when_the_scanner_runs_without_a_reload()
    {
        var page = await portal.SignInAsync("office1");
        await Assertions.Expect(page.GetByTestId("simulated-date")).ToHaveTextAsync("模拟日期 2022-06-20");
        await Assertions.Expect(page.GetByTestId("bell-count")).ToHaveTextAsync("0");

        var result = await portal.Portal.Services.GetRequiredService<DeadlineScanner>().ScanAsync();

        result.AlertsRaised.Should().BeGreaterThan(0);
        await Assertions.Expect(page.GetByTestId("bell-count")).Not.ToHaveTextAsync("0");
        var count = int.Parse(await page.GetByTestId("bell-count").InnerTextAsync());
        count.Should().Be(result.AlertsRaised, "the office is notified of every alert");
        await BrowserPortal.ScreenshotAsync(page, "bell-after-scan");

        await page.GetByTestId("bell").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/notifications", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.GetByTestId("notification").First).ToBeVisibleAsync();
        await page.GetByTestId("mark-all-read").ClickAsync();
        await Assertions.Expect(page.GetByTestId("bell-count")).ToHaveTextAsync("0");
    }

    [Fact]
    public async Task Warning_levels_show_in_the_list_the_detail_and_the_warning_page()
    {
        var page = await portal.SignInAsync("office1");
        await page.GotoAsync(new Uri(portal.BaseAddress, "tasks?level=approaching").ToString());
        await BrowserPortal.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("warning").First).ToHaveTextAsync("临期");
        await BrowserPortal.ScreenshotAsync(page, "tasks-approaching");

        await page.GotoAsync(new Uri(portal.BaseAddress, "tasks/26").ToString());
        await BrowserPortal.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("milestone").First.GetByTestId("warning")).ToHaveTextAsync("逾期");

        await page.GotoAsync(new Uri(portal.BaseAddress, "alerts?level=overdue").ToString());
        await BrowserPortal.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("warning-row").First).ToContainTextAsync("逾期");
        await BrowserPortal.ScreenshotAsync(page, "alerts-overdue");
    }
}
