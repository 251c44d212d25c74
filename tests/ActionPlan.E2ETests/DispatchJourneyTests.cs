using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ActionPlan.E2ETests;

/// <summary>总览's milestone counts and the printed 调度通报, on the simulated date 2022-06-20.</summary>
public sealed class DispatchJourneyTests(SimulatedDatePortal portal) : IClassFixture<SimulatedDatePortal>
{
    [Fact]
    public async Task A_units_overdue_milestone_count_opens_the_list_of_exactly_those_milestones()
    {
        var page = await portal.SignInAsync("leader1");
        await page.GotoAsync(new Uri(portal.BaseAddress, "dashboard").ToString());
        await BrowserPortal.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("current-month")).ToHaveTextAsync("本月");
        await Assertions.Expect(page.Locator("[data-testid=month-row].current-month")).ToHaveAttributeAsync("data-month", "2022-06");
        await BrowserPortal.ScreenshotAsync(page, "dashboard-2022-06-20");

        // The unit at the top of the table has the most overdue milestones.
        var first = page.GetByTestId("unit-overdue").First;
        var count = (await first.InnerTextAsync()).Trim();
        int.Parse(count).Should().BeGreaterThan(0, "on 2022-06-20 the plan has milestones past their due date");
        await first.ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("ms=overdue", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.GetByTestId("result-count")).ToContainTextAsync($"筛选出 {count} 个时间节点");
        await Assertions.Expect(page.GetByTestId("milestone-grid")).ToBeVisibleAsync();
        await BrowserPortal.ScreenshotAsync(page, "tasks-milestones-overdue");
    }

    [Fact]
    public async Task The_office_issues_the_report_and_the_issued_copy_opens_with_its_number()
    {
        var page = await portal.SignInAsync("office1");
        await page.GotoAsync(new Uri(portal.BaseAddress, "dispatch?month=2022-05&asof=2022-05-31").ToString());
        await BrowserPortal.WaitInteractiveAsync(page);
        var summary = (await page.GetByTestId("dispatch-summary").InnerTextAsync()).Trim();
        summary.Should().StartWith("截至2022年5月31日");

        await page.GetByTestId("dispatch-issue").ClickAsync();
        await Assertions.Expect(page.GetByTestId("issue-what")).ToContainTextAsync("签发2022年5月，截至2022年5月31日的调度通报");
        await BrowserPortal.ScreenshotAsync(page, "dispatch-issue-dialog");
        await page.GetByTestId("issue-confirm").ClickAsync();

        await page.WaitForURLAsync(new Regex(@"dispatch/issued/\d+$"));
        var number = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        await Assertions.Expect(page.Locator("#page-title")).ToContainTextAsync($"第{number}期调度通报");
        await Assertions.Expect(page.GetByTestId("dispatch-summary")).ToHaveTextAsync(summary);
        await Assertions.Expect(page.GetByTestId("dispatch-signature")).ToContainTextAsync("签发");
        await BrowserPortal.ScreenshotAsync(page, "dispatch-issued");

        await page.GetByTestId("issued-back").ClickAsync();
        await Assertions.Expect(page.GetByTestId("issued-table")).ToContainTextAsync($"第{number}期");
        await BrowserPortal.ScreenshotAsync(page, "dispatch-issued-list");
    }

    [Fact]
    public async Task The_dashboard_of_a_past_day_shows_that_days_figures_as_history()
    {
        var page = await portal.SignInAsync("leader1");
        await page.GotoAsync(new Uri(portal.BaseAddress, "dashboard").ToString());
        await BrowserPortal.WaitInteractiveAsync(page);
        await page.GetByTestId("asof-input").FillAsync("2022-05-31");
        await page.Locator(".asof-go").ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("asof=2022-05-31", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByTestId("asof-note")).ToContainTextAsync("截至 2022年5月31日 日终");
        await Assertions.Expect(page.Locator("a.figure-link")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("asof-ledger")).ToHaveAttributeAsync("href", "tasks/ledger.xlsx?asof=2022-05-31");
        await BrowserPortal.ScreenshotAsync(page, "dashboard-asof-2022-05-31");
    }

    [Fact]
    public async Task The_dispatch_report_prints_on_A4_without_the_app_chrome()
    {
        var page = await portal.SignInAsync("office1");
        await page.GotoAsync(new Uri(portal.BaseAddress, "dispatch?month=2022-06").ToString());
        await BrowserPortal.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("dispatch-summary")).ToContainTextAsync("截至2022年6月20日");
        await Assertions.Expect(page.GetByTestId("dispatch-summary")).ToContainTextAsync("共165项任务");
        await BrowserPortal.ScreenshotAsync(page, "dispatch-screen");

        // The print button opens the browser's print dialog (stubbed here: headless Chromium has none).
        await page.EvaluateAsync("() => { window.__printed = false; window.print = () => { window.__printed = true; }; }");
        await page.GetByTestId("dispatch-print").ClickAsync();
        (await page.EvaluateAsync<bool>("() => window.__printed")).Should().BeTrue();

        // On paper: the report only.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator(".mud-appbar")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("dispatch-print")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("dispatch-report")).ToBeVisibleAsync();

        Directory.CreateDirectory(BrowserPortal.ScreenshotFolder);
        var pdf = Path.Combine(BrowserPortal.ScreenshotFolder, "dispatch-print.pdf");
        await page.PdfAsync(new() { Path = pdf, PreferCSSPageSize = true, PrintBackground = true });

        var text = Run("pdftotext", "-layout", pdf, "-");
        text.Should().Contain("调度通报（2022年6月）").And.Contain("逾期未完成的时间节点").And.Contain("7月将到期的时间节点");
        text.Should().NotContain("任务清单", "the navigation menu is not printed").And.NotContain("退出登录");
        var pages = Run("pdfinfo", pdf);
        var size = Regex.Match(pages, @"Page size:\s+(\d+(?:\.\d+)?) x (\d+(?:\.\d+)?) pts");
        double.Parse(size.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture).Should().BeApproximately(595, 1, "A4 portrait is 595 × 842 pt");
        double.Parse(size.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture).Should().BeApproximately(842, 1);

        // The first printed page as a PNG, to look at.
        Run("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf, Path.Combine(BrowserPortal.ScreenshotFolder, "dispatch-print-page1"));
        File.Exists(Path.Combine(BrowserPortal.ScreenshotFolder, "dispatch-print-page1.png")).Should().BeTrue();
    }

    [Fact]
    public async Task A_future_as_of_date_is_replaced_by_today_with_a_message()
    {
        var page = await portal.OpenAsync("dispatch?month=2022-06&asof=2022-07-31");
        await Assertions.Expect(page.GetByTestId("dispatch-problem")).ToContainTextAsync("晚于今天");
        await Assertions.Expect(page.GetByTestId("dispatch-summary")).ToContainTextAsync("截至2022年6月20日");
    }

    private static string Run(string tool, params string[] args)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{tool} did not start; test.sh installs poppler-utils.");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.Should().Be(0, $"{tool} {string.Join(' ', args)}: {process.StandardError.ReadToEnd()}");
        return output;
    }
}
