using Microsoft.EntityFrameworkCore;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ActionPlan.E2ETests;

/// <summary>The office's daily work and the report loop, in the browser.</summary>
public sealed class WorkspaceJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task Office_updates_a_task_and_sees_the_change_in_the_timeline()
    {
        var page = await portal.SignInAsync("office1");
        await page.GotoAsync(new Uri(portal.BaseAddress, "tasks/3").ToString());
        await BrowserPortal.WaitInteractiveAsync(page);
        var editor = page.GetByTestId("task-editor");

        await BrowserPortal.ChooseAsync(page, editor, "状态", "推进中");
        await BrowserPortal.Field(page, "edit-progress").FillAsync("120");
        await BrowserPortal.Field(page, "edit-summary").FillAsync("已起草代位注销适用情形<script>alert(1)</script>");
        await page.GetByTestId("edit-save").ClickAsync();
        await Assertions.Expect(editor).ToContainTextAsync("进度须在 0 到 100 之间");
        (await BrowserPortal.Field(page, "edit-summary").InputValueAsync()).Should().Contain("已起草代位注销适用情形", "bad input keeps what was typed");

        await BrowserPortal.Field(page, "edit-progress").FillAsync("40");
        await page.GetByTestId("edit-save").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "已保存任务 3" }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("timeline")).ToContainTextAsync("状态：未启动 → 推进中");
        await Assertions.Expect(page.GetByTestId("timeline")).ToContainTextAsync("进度：0% → 40%");
        await Assertions.Expect(page.GetByTestId("progress-summary")).ToContainTextAsync("<script>alert(1)</script>");
        await BrowserPortal.ScreenshotAsync(page, "task-3-updated");
    }

    [Fact]
    public async Task Typed_input_comes_back_after_the_page_is_lost_and_goes_with_the_save()
    {
        var page = await portal.SignInAsync("office1");
        await page.GotoAsync(new Uri(portal.BaseAddress, "tasks/9").ToString());
        await BrowserPortal.WaitInteractiveAsync(page);
        await BrowserPortal.ChooseAsync(page, page.GetByTestId("task-editor"), "状态", "推进中");
        await BrowserPortal.Field(page, "edit-progress").FillAsync("35");
        await BrowserPortal.Field(page, "edit-summary").FillAsync("已完成调研，尚未保存");
        // Kept while typing: no save, no leaving the field.
        await WaitForKeptAsync(key => key.StartsWith("task-edit:", StringComparison.Ordinal) && key.EndsWith(":9", StringComparison.Ordinal), 1);

        // The page is lost (a reload stands for a dropped connection or instance): a new circuit shows the input again.
        await page.ReloadAsync();
        await BrowserPortal.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("restored-input")).ToContainTextAsync("未保存的修改");
        await Assertions.Expect(BrowserPortal.Field(page, "edit-progress")).ToHaveValueAsync("35");
        await Assertions.Expect(BrowserPortal.Field(page, "edit-summary")).ToHaveValueAsync("已完成调研，尚未保存");
        await Assertions.Expect(page.GetByTestId("edit-status")).ToContainTextAsync("推进中");
        await BrowserPortal.ScreenshotAsync(page, "task-9-restored-input");

        await page.GetByTestId("edit-save").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "已保存任务 9" }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("restored-input")).ToHaveCountAsync(0);
        await WaitForKeptAsync(key => key.StartsWith("task-edit:", StringComparison.Ordinal) && key.EndsWith(":9", StringComparison.Ordinal), 0);
        await page.ReloadAsync();
        await BrowserPortal.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("progress-value")).ToHaveTextAsync("进度：35%");
        await Assertions.Expect(page.GetByTestId("restored-input")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_unit_report_form_left_unsaved_opens_again_with_its_text_and_names_the_files_to_choose_again()
    {
        var number = await portal.Portal.WithDbAsync(db => db.PlanTasks.Where(t => t.LeadUnits.Any(l => l.LeadUnit.Name == "省市场监管局"))
            .OrderByDescending(t => t.Number).Select(t => t.Number).FirstAsync());
        var unit = await portal.SignInAsync("unit1");
        await unit.GotoAsync(new Uri(portal.BaseAddress, $"tasks/{number}").ToString());
        await BrowserPortal.WaitInteractiveAsync(unit);
        await unit.GetByTestId("new-report").ClickAsync();
        await BrowserPortal.Field(unit, "report-text").FillAsync("本月已完成方案起草，正在征求意见。");
        await unit.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "方案.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray(),
        });
        await WaitForKeptAsync(key => key.EndsWith($":{number}:new", StringComparison.Ordinal), 1, "方案.pdf");

        await unit.ReloadAsync();
        await BrowserPortal.WaitInteractiveAsync(unit);
        await Assertions.Expect(unit.GetByTestId("report-form")).ToBeVisibleAsync();
        await Assertions.Expect(BrowserPortal.Field(unit, "report-text")).ToHaveValueAsync("本月已完成方案起草，正在征求意见。");
        await Assertions.Expect(unit.GetByTestId("files-to-choose-again")).ToContainTextAsync("方案.pdf");
        await BrowserPortal.ScreenshotAsync(unit, "report-restored-input");

        await unit.GetByTestId("discard-input").ClickAsync();
        await Assertions.Expect(BrowserPortal.Field(unit, "report-text")).ToHaveValueAsync("");
        await WaitForKeptAsync(key => key.EndsWith($":{number}:new", StringComparison.Ordinal), 0);
    }

    /// <summary>Waits until <paramref name="count"/> kept inputs have a key that <paramref name="form"/> accepts (and, if given, one contains <paramref name="containing"/>).</summary>
    private async Task WaitForKeptAsync(Func<string, bool> form, int count, string? containing = null)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var all = await portal.Portal.WithDbAsync(db => db.UnsavedInputs.Select(i => new { i.FormKey, i.Content }).ToListAsync());
            var kept = all.Where(i => form(i.FormKey)).Select(i => i.Content).ToList();
            if (kept.Count == count && (containing is null || kept.Any(c => c.Contains(containing, StringComparison.Ordinal))))
            {
                return;
            }

            DateTime.UtcNow.Should().BeBefore(until, $"{count} kept input(s) expected; found {kept.Count}: {string.Join(" | ", kept)}");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Second_editor_of_the_same_task_sees_the_conflict_and_loses_nothing()
    {
        var first = await portal.SignInAsync("office1");
        var second = await portal.SignInAsync("admin1");
        foreach (var page in new[] { first, second })
        {
            await page.GotoAsync(new Uri(portal.BaseAddress, "tasks/4").ToString());
            await BrowserPortal.WaitInteractiveAsync(page);
        }

        await BrowserPortal.ChooseAsync(first, first.GetByTestId("task-editor"), "状态", "推进中");
        await BrowserPortal.Field(first, "edit-progress").FillAsync("30");
        await first.GetByTestId("edit-save").ClickAsync();
        await Assertions.Expect(first.Locator(".mud-snackbar").Filter(new() { HasText = "已保存任务 4" }).First).ToBeVisibleAsync();

        await BrowserPortal.Field(second, "edit-summary").FillAsync("第二位同事填写的进展");
        await second.GetByTestId("edit-save").ClickAsync();
        var conflict = second.GetByTestId("conflict");
        await Assertions.Expect(conflict).ToContainTextAsync("office1");
        await Assertions.Expect(conflict).ToContainTextAsync("进度：0% → 30%");
        await BrowserPortal.ScreenshotAsync(second, "task-4-conflict");

        await second.GetByTestId("reapply").ClickAsync();
        // The colleague's progress is taken over; the typed summary is kept.
        await Assertions.Expect(BrowserPortal.Field(second, "edit-progress")).ToHaveValueAsync("30");
        await Assertions.Expect(BrowserPortal.Field(second, "edit-summary")).ToHaveValueAsync("第二位同事填写的进展");
        await second.GetByTestId("edit-save").ClickAsync();
        await Assertions.Expect(second.Locator(".mud-snackbar").Filter(new() { HasText = "已保存任务 4" }).First).ToBeVisibleAsync();
        await Assertions.Expect(second.GetByTestId("progress-summary")).ToContainTextAsync("第二位同事填写的进展");
        await Assertions.Expect(second.GetByTestId("progress-value")).ToHaveTextAsync("进度：30%");
    }

    [Fact]
    public async Task Unit_reports_with_a_pdf_office_returns_unit_resubmits_office_approves()
    {
        var unit = await portal.SignInAsync("unit1");
        await unit.GotoAsync(new Uri(portal.BaseAddress, "tasks/5").ToString());
        await BrowserPortal.WaitInteractiveAsync(unit);
        await unit.GetByTestId("new-report").ClickAsync();
        await BrowserPortal.Field(unit, "report-text").FillAsync("已梳理大型企业分支机构信息变更事项清单。");
        await BrowserPortal.Field(unit, "report-progress").FillAsync("50");
        await unit.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "清单.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray(),
        });
        await Assertions.Expect(unit.GetByTestId("report-form")).ToContainTextAsync("清单.pdf");
        await unit.GetByTestId("report-submit").ClickAsync();
        await Assertions.Expect(unit.GetByTestId("report-state").First).ToHaveTextAsync("待审核");
        await BrowserPortal.ScreenshotAsync(unit, "report-submitted");

        var office = await portal.SignInAsync("office1");
        await office.GotoAsync(new Uri(portal.BaseAddress, "reviews").ToString());
        await BrowserPortal.WaitInteractiveAsync(office);
        await office.GetByTestId("queue-row").Filter(new() { HasText = "便利企业分支机构" }).GetByTestId("open-review").ClickAsync();
        await office.WaitForURLAsync(new Regex("/reviews/\\d+$"), new() { WaitUntil = WaitUntilState.Commit });
        await BrowserPortal.WaitInteractiveAsync(office);
        await Assertions.Expect(office.GetByTestId("attachment")).ToContainTextAsync("清单.pdf");
        await office.GetByTestId("return").ClickAsync();
        await Assertions.Expect(office.GetByTestId("review-actions")).ToContainTextAsync("退回须填写原因");
        await BrowserPortal.Field(office, "return-reason-input").FillAsync("请补充已完成事项的数量。");
        await office.GetByTestId("return").ClickAsync();
        await Assertions.Expect(office.GetByTestId("report-state")).ToHaveTextAsync("退回");

        await unit.ReloadAsync();
        await BrowserPortal.WaitInteractiveAsync(unit);
        await Assertions.Expect(unit.GetByTestId("return-reason").First).ToContainTextAsync("请补充已完成事项的数量");
        await unit.GetByTestId("revise").ClickAsync();
        await BrowserPortal.Field(unit, "report-text").FillAsync("已梳理 12 项信息变更事项，实现集中统一办理。");
        await BrowserPortal.Field(unit, "report-progress").FillAsync("60");
        await unit.GetByTestId("report-submit").ClickAsync();
        await Assertions.Expect(unit.GetByTestId("report-state").First).ToHaveTextAsync("待审核");

        await office.GotoAsync(new Uri(portal.BaseAddress, "reviews").ToString());
        await BrowserPortal.WaitInteractiveAsync(office);
        await office.GetByTestId("queue-row").Filter(new() { HasText = "第 2 版" }).GetByTestId("open-review").ClickAsync();
        await office.WaitForURLAsync(new Regex("/reviews/\\d+$"), new() { WaitUntil = WaitUntilState.Commit });
        await BrowserPortal.WaitInteractiveAsync(office);
        await office.GetByTestId("approve").ClickAsync();
        await Assertions.Expect(office.GetByTestId("report-state")).ToHaveTextAsync("通过");

        await office.GotoAsync(new Uri(portal.BaseAddress, "tasks/5").ToString());
        await BrowserPortal.WaitInteractiveAsync(office);
        await Assertions.Expect(office.GetByTestId("progress-value")).ToHaveTextAsync("进度：60%");
        await Assertions.Expect(office.GetByTestId("progress-summary")).ToContainTextAsync("已梳理 12 项信息变更事项");
        await Assertions.Expect(office.GetByTestId("timeline")).ToContainTextAsync("报送审核通过");
        await BrowserPortal.ScreenshotAsync(office, "task-5-approved");
    }

    [Fact]
    public async Task Office_bulk_updates_the_status_of_selected_tasks_with_one_reason()
    {
        var page = await portal.OpenAsync("tasks?domain=19");
        await Assertions.Expect(page.GetByTestId("result-count")).ToContainTextAsync("筛选出 4 项任务");
        var rows = page.Locator(".mud-table-body tr");
        await rows.Nth(0).Locator("input[type=checkbox]").CheckAsync();
        await rows.Nth(1).Locator("input[type=checkbox]").CheckAsync();
        await Assertions.Expect(page.GetByTestId("bulk-open")).ToContainTextAsync("已选 2 项");

        await page.GetByTestId("bulk-open").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await dialog.GetByTestId("bulk-save").ClickAsync();
        await Assertions.Expect(dialog.GetByTestId("bulk-error")).ToContainTextAsync("批量修改须填写原因");
        await BrowserPortal.Field(page, "bulk-reason").FillAsync("法治保障领域调度会部署启动");
        await dialog.GetByTestId("bulk-save").ClickAsync();

        await Assertions.Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "已将 2 项任务改为“推进中”" }).First).ToBeVisibleAsync();
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("推进中");
        await Assertions.Expect(rows.Nth(2)).ToContainTextAsync("未启动");
    }
}
