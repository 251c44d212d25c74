using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ActionPlan.E2ETests;

/// <summary>延期申请 in the browser: a unit asks on the task page, the office approves on 延期审批, the task shows the new date.</summary>
public sealed class ExtensionJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task A_unit_asks_for_a_later_deadline_and_the_office_approves_it()
    {
        var target = await portal.Portal.WithDbAsync(db => db.Milestones
            .Where(m => !m.IsDone && m.PlanTask.LeadUnits.Any(l => l.LeadUnit.Name == "省市场监管局"))
            .OrderBy(m => m.PlanTask.Number).ThenBy(m => m.Position)
            .Select(m => new { m.PlanTask.Number, m.Phrase, m.Due }).FirstAsync());
        var newDue = target.Due.AddMonths(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var unit = await portal.SignInAsync("unit1");
        await unit.GotoAsync(new Uri(portal.BaseAddress, $"tasks/{target.Number}").ToString());
        await BrowserPortal.WaitInteractiveAsync(unit);
        await unit.GetByTestId("request-extension").ClickAsync();
        var dialog = unit.Locator(".mud-dialog");
        await BrowserPortal.ChooseAsync(unit, dialog, "时间节点", target.Phrase);
        await dialog.GetByTestId("extension-submit").ClickAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("请选择延期后的完成时限");
        await BrowserPortal.Field(unit, "extension-date").FillAsync(newDue);
        await BrowserPortal.Field(unit, "extension-date").PressAsync("Tab");
        await BrowserPortal.Field(unit, "extension-reason").FillAsync("需与国家平台同步改造，原定时间无法完成。");
        await BrowserPortal.ScreenshotAsync(unit, "extension-request-dialog");
        await dialog.GetByTestId("extension-submit").ClickAsync();
        await Assertions.Expect(unit.GetByTestId("task-extension").First).ToContainTextAsync("待审批");
        await BrowserPortal.ScreenshotAsync(unit, "task-extensions-unit");

        var office = await portal.OpenAsync("extensions");
        var row = office.GetByTestId("extension-row").Filter(new() { HasText = "需与国家平台同步改造" });
        await Assertions.Expect(row).ToContainTextAsync("待审批");
        await BrowserPortal.ScreenshotAsync(office, "extensions-office");
        await row.GetByTestId("approve-extension").ClickAsync();
        await BrowserPortal.Field(office, "decision-note").FillAsync("同意延期，请按新时限完成。");
        await office.GetByTestId("decision-confirm").ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("已批准");

        await office.GotoAsync(new Uri(portal.BaseAddress, $"tasks/{target.Number}").ToString());
        await BrowserPortal.WaitInteractiveAsync(office);
        await Assertions.Expect(office.GetByTestId("milestone-due").Filter(new() { HasText = "已延期" }).First)
            .ToHaveTextAsync(new Regex($"^{newDue}（原定 {target.Due:yyyy-MM-dd}，已延期）$"));
        await Assertions.Expect(office.GetByTestId("closing-hint")).ToContainTextAsync("尚无审核通过的销号申请报送");
        await BrowserPortal.ScreenshotAsync(office, "task-extended-office");

        await unit.GotoAsync(new Uri(portal.BaseAddress, "extensions").ToString());
        await BrowserPortal.WaitInteractiveAsync(unit);
        await Assertions.Expect(unit.Locator("#page-title")).ToHaveTextAsync("我的延期申请");
        await Assertions.Expect(unit.GetByTestId("extension-row").First).ToContainTextAsync("已批准");
        await BrowserPortal.ScreenshotAsync(unit, "extensions-unit");
    }
}
