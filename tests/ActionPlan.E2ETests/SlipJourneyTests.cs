using System.Text.RegularExpressions;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ActionPlan.E2ETests;

/// <summary>督办单 in the browser: the office issues a 蓝色 slip on a task → the unit answers from 督办单 → the office sees 已反馈 and closes it.</summary>
public sealed class SlipJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private const string Matter = "改革任务推进滞后，请说明原因并于一周内提出整改措施。";

    [Fact]
    public async Task Office_issues_a_blue_slip_the_unit_answers_and_the_office_closes_it()
    {
        // Task 1 is led by 省市场监管局, unit1's unit.
        var office = await portal.OpenAsync("tasks/1");
        await Assertions.Expect(office.GetByTestId("task-slips")).ToContainTextAsync("该任务没有督办单");
        await office.GetByTestId("issue-slip").ClickAsync();
        var dialog = office.Locator(".mud-dialog");
        await Assertions.Expect(dialog.GetByTestId("slip-recipients")).ToContainTextAsync("省市场监管局");
        await dialog.GetByTestId("slip-issue").ClickAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("请填写督办事项");
        await BrowserPortal.Field(office, "slip-matter").FillAsync(Matter);
        await BrowserPortal.ScreenshotAsync(office, "slip-issue-dialog");
        await dialog.GetByTestId("slip-issue").ClickAsync();
        await Assertions.Expect(office.Locator(".mud-snackbar").Filter(new() { HasText = "已下发蓝色督办单" }).First).ToBeVisibleAsync();
        var onTask = office.GetByTestId("task-slip").First;
        await Assertions.Expect(onTask.GetByTestId("slip-level")).ToHaveTextAsync("蓝色督办");
        await Assertions.Expect(onTask.GetByTestId("slip-state")).ToHaveTextAsync("待反馈");
        await BrowserPortal.ScreenshotAsync(office, "slip-task-page");

        var unit = await portal.SignInAsync("unit1");
        await unit.GotoAsync(new Uri(portal.BaseAddress, "notifications").ToString());
        await BrowserPortal.WaitInteractiveAsync(unit);
        await Assertions.Expect(unit.GetByTestId("slip-notice").First).ToContainTextAsync("下发了督办单");
        await unit.GetByTestId("nav-slips").ClickAsync();
        await unit.WaitForURLAsync(new Regex("/slips$"), new() { WaitUntil = WaitUntilState.Commit });
        await BrowserPortal.WaitInteractiveAsync(unit);
        await unit.Locator("tr").Filter(new() { HasText = Matter }).GetByTestId("slip-link").ClickAsync();
        await unit.WaitForURLAsync(new Regex("/slips/\\d+$"), new() { WaitUntil = WaitUntilState.Commit });
        await BrowserPortal.WaitInteractiveAsync(unit);
        var slipUrl = unit.Url;
        await Assertions.Expect(unit.GetByTestId("reply-form")).ToContainTextAsync("反馈提交后不能修改");
        await BrowserPortal.Field(unit, "reply-done").FillAsync("已召开专题会议，梳理滞后原因，明确责任处室。");
        await BrowserPortal.Field(unit, "reply-next").FillAsync("6月30日前完成系统上线并报送进展。");
        await unit.SetInputFilesAsync("[data-testid=reply-files]", new FilePayload { Name = "整改方案.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4 整改方案"u8.ToArray() });
        await Assertions.Expect(unit.GetByTestId("reply-form")).ToContainTextAsync("整改方案.pdf");
        await BrowserPortal.ScreenshotAsync(unit, "slip-reply-form");
        await unit.GetByTestId("reply-submit").ClickAsync();
        await unit.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "提交", Exact = true }).ClickAsync();
        await Assertions.Expect(unit.GetByTestId("recipient-state")).ToHaveTextAsync("已反馈");
        await Assertions.Expect(unit.GetByTestId("reply-form")).ToHaveCountAsync(0);
        await Assertions.Expect(unit.GetByTestId("slip-state")).ToHaveTextAsync("已反馈");
        await BrowserPortal.ScreenshotAsync(unit, "slip-replied-unit");

        await office.GotoAsync(new Uri(portal.BaseAddress, "slips").ToString());
        await BrowserPortal.WaitInteractiveAsync(office);
        await Assertions.Expect(office.Locator("tr").Filter(new() { HasText = Matter }).GetByTestId("slip-row-state")).ToContainTextAsync("已反馈");
        await BrowserPortal.ScreenshotAsync(office, "slip-list");
        await office.GotoAsync(slipUrl);
        await BrowserPortal.WaitInteractiveAsync(office);
        await Assertions.Expect(office.GetByTestId("reply-done-text")).ToContainTextAsync("已召开专题会议");
        await Assertions.Expect(office.GetByTestId("recipient")).ToContainTextAsync("整改方案.pdf");
        await office.GetByTestId("close-slip").ClickAsync();
        await office.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "办结", Exact = true }).ClickAsync();
        await Assertions.Expect(office.GetByTestId("slip-state")).ToHaveTextAsync("已办结");
        await Assertions.Expect(office.GetByTestId("close-slip")).ToHaveCountAsync(0);
        await BrowserPortal.ScreenshotAsync(office, "slip-closed");

        // Leadership reads the slip and the reply and has no button to change anything.
        var leader = await portal.SignInAsync("leader1");
        await leader.GotoAsync(slipUrl);
        await BrowserPortal.WaitInteractiveAsync(leader);
        await Assertions.Expect(leader.GetByTestId("reply-done-text")).ToContainTextAsync("已召开专题会议");
        await Assertions.Expect(leader.Locator("[data-testid=escalate], [data-testid=close-slip], [data-testid=reply-form]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Office_escalates_an_unanswered_slip_past_its_reply_date_to_yellow()
    {
        // A 蓝色 slip on task 8 (省市场监管局, 省发展改革委, …) whose reply date passed three days ago; every unit but 省市场监管局 replied.
        var today = portal.Portal.Services.GetRequiredService<PortalClock>().Today;
        var slipId = await portal.Portal.WithDbAsync(async db =>
        {
            var task = await db.PlanTasks.Where(t => t.Number == 8).Select(t => new { t.Id, Units = t.LeadUnits.Select(l => new { l.LeadUnitId, l.LeadUnit.Name }).ToList() }).FirstAsync();
            var number = await db.SupervisionSlips.MaxAsync(s => (int?)s.Number) ?? 0;
            var slip = new SupervisionSlip
            {
                PlanTaskId = task.Id, Number = number + 1, Level = SlipLevel.Blue, Matter = "事中事后监管工作滞后，请限期说明。", ReplyBy = today.AddDays(-3),
                IssuedAt = DateTimeOffset.UtcNow.AddDays(-10), IssuedBy = "office1",
                Recipients = task.Units.Select(u => u.Name == "省市场监管局" ? new SlipRecipient { LeadUnitId = u.LeadUnitId } : new SlipRecipient
                {
                    LeadUnitId = u.LeadUnitId, Done = "已部署专项检查。", NextPlan = "月底前报送检查结果。", RepliedBy = "unit", RepliedAt = DateTimeOffset.UtcNow.AddDays(-4), RepliedOn = today.AddDays(-4),
                }).ToList(),
            };
            db.SupervisionSlips.Add(slip);
            await db.SaveChangesAsync();
            return slip.Id;
        });

        var office = await portal.OpenAsync("slips?suggested=true");
        var row = office.Locator("tr").Filter(new() { HasText = "事中事后监管工作滞后" });
        await Assertions.Expect(row.GetByTestId("slip-suggested")).ToHaveTextAsync("建议升级");
        await BrowserPortal.ScreenshotAsync(office, "slip-list-suggested");
        await row.GetByTestId("slip-link").ClickAsync();
        await office.WaitForURLAsync(new Regex($"/slips/{slipId}$"), new() { WaitUntil = WaitUntilState.Commit });
        await BrowserPortal.WaitInteractiveAsync(office);
        await Assertions.Expect(office.GetByTestId("suggestion")).ToContainTextAsync("建议升级为黄色督办");
        await office.GetByTestId("escalate").ClickAsync();
        var dialog = office.Locator(".mud-dialog");
        await Assertions.Expect(BrowserPortal.Field(office, "slip-matter")).ToHaveValueAsync("事中事后监管工作滞后，请限期说明。");
        await Assertions.Expect(dialog).ToContainTextAsync("尚有 1 个单位未反馈");
        await office.WaitForTimeoutAsync(500); // the dialog's fade and the chip's colour transition, for the screenshot only
        await BrowserPortal.ScreenshotAsync(office, "slip-escalate-dialog");
        await dialog.GetByTestId("slip-issue").ClickAsync();
        await office.WaitForURLAsync(url => !url.EndsWith($"/slips/{slipId}", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(office.GetByTestId("slip-level")).ToHaveTextAsync("黄色督办");
        await Assertions.Expect(office.GetByTestId("escalated-from")).ToContainTextAsync("蓝色督办");
        await Assertions.Expect(office.GetByTestId("recipient")).ToHaveCountAsync(1);
        await Assertions.Expect(office.GetByTestId("recipient")).ToContainTextAsync("省市场监管局");
        await office.WaitForTimeoutAsync(500); // the dialog's fade and the chip's colour transition, for the screenshot only
        await BrowserPortal.ScreenshotAsync(office, "slip-escalated");
    }
}
