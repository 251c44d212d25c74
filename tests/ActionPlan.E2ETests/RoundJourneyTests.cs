using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ActionPlan.E2ETests;

/// <summary>The monthly reporting round in the browser: open → a unit reports → the office approves → 已报.</summary>
public sealed class RoundJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task Office_opens_a_round_unit_reports_office_approves_and_the_unit_sees_it_reported()
    {
        var office = await portal.OpenAsync("rounds");
        await Assertions.Expect(office.GetByTestId("rounds-empty")).ToBeVisibleAsync();
        await office.GetByTestId("open-round").ClickAsync();
        var dialog = office.Locator(".mud-dialog");
        await BrowserPortal.Field(office, "round-name").FillAsync("");
        await dialog.GetByTestId("round-open").ClickAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("请填写轮次名称");
        await BrowserPortal.Field(office, "round-name").FillAsync("月度调度（浏览器）");
        await Assertions.Expect(dialog.GetByTestId("round-preview")).ToContainTextAsync("份报送");
        await BrowserPortal.ScreenshotAsync(office, "round-open-dialog");
        await dialog.GetByTestId("round-open").ClickAsync();
        await office.WaitForURLAsync(new Regex("/rounds/\\d+$"), new() { WaitUntil = WaitUntilState.Commit });
        await BrowserPortal.WaitInteractiveAsync(office);
        var roundUrl = office.Url;
        await Assertions.Expect(office.GetByTestId("tile-approved")).ToHaveTextAsync("0");
        await Assertions.Expect(office.GetByTestId("unit-row").Filter(new() { HasText = "省市场监管局" })).ToBeVisibleAsync();

        var unit = await portal.SignInAsync("unit1");
        await unit.GotoAsync(new Uri(portal.BaseAddress, "my-round").ToString());
        await BrowserPortal.WaitInteractiveAsync(unit);
        var first = unit.GetByTestId("my-item").First;
        await Assertions.Expect(first).ToContainTextAsync("未报送");
        var task = Regex.Match(await first.Locator("td").First.InnerTextAsync(), @"^\d+").Value;
        await first.GetByTestId("my-item-open").ClickAsync();
        await unit.WaitForURLAsync(new Regex($"/tasks/{task}"), new() { WaitUntil = WaitUntilState.Commit });
        await BrowserPortal.WaitInteractiveAsync(unit);
        await unit.GetByTestId("new-report").ClickAsync();
        await BrowserPortal.Field(unit, "report-text").FillAsync("本月按计划推进，已完成阶段任务。");
        await BrowserPortal.Field(unit, "report-progress").FillAsync("40");
        await unit.GetByTestId("report-submit").ClickAsync();
        await Assertions.Expect(unit.GetByTestId("report-state").First).ToHaveTextAsync("待审核");

        await office.GotoAsync(new Uri(portal.BaseAddress, "reviews").ToString());
        await BrowserPortal.WaitInteractiveAsync(office);
        await office.GetByTestId("queue-row").First.GetByTestId("open-review").ClickAsync();
        await office.WaitForURLAsync(new Regex("/reviews/\\d+$"), new() { WaitUntil = WaitUntilState.Commit });
        await BrowserPortal.WaitInteractiveAsync(office);
        await office.GetByTestId("approve").ClickAsync();
        await Assertions.Expect(office.GetByTestId("report-state")).ToHaveTextAsync("通过");

        await unit.GotoAsync(new Uri(portal.BaseAddress, "my-round").ToString());
        await BrowserPortal.WaitInteractiveAsync(unit);
        await Assertions.Expect(unit.GetByTestId("my-item").Filter(new() { HasText = $"{task}." }).First).ToContainTextAsync("已报·已通过");
        await BrowserPortal.ScreenshotAsync(unit, "my-round-reported");

        await office.GotoAsync(roundUrl);
        await BrowserPortal.WaitInteractiveAsync(office);
        await Assertions.Expect(office.GetByTestId("tile-approved")).ToHaveTextAsync("1");
        await office.GetByTestId("unit-row").Filter(new() { HasText = "省市场监管局" }).GetByTestId("chase").ClickAsync();
        await BrowserPortal.Field(office, "chase-note").FillAsync("请于本周内报送其余任务");
        await office.GetByTestId("chase-confirm").ClickAsync();
        await Assertions.Expect(office.Locator(".mud-snackbar").Filter(new() { HasText = "已向省市场监管局催报" }).First).ToBeVisibleAsync();
        await BrowserPortal.ScreenshotAsync(office, "round-details");

        await unit.GotoAsync(new Uri(portal.BaseAddress, "notifications").ToString());
        await BrowserPortal.WaitInteractiveAsync(unit);
        await Assertions.Expect(unit.GetByTestId("reminder").First).ToContainTextAsync("月度调度（浏览器）");
    }
}
