using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ActionPlan.E2ETests;

/// <summary>
/// The office uploads the second test plan (济南 2023): the preview shows its counts and every warning, the renamed
/// bank is mapped to the unit of the 2022 plan, 确认导入 stores it, and the tasks list shows the new plan.
/// The upload page and the preview pass axe.
/// </summary>
public sealed class PlanUploadJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private const string RenamedBank = "中国人民银行山东省分行";
    private const string OldBank = "人民银行济南分行";

    private static readonly string PlanPath =
        Path.Combine(AppContext.BaseDirectory, "test-plans", "jinan-2023-business-environment-implementation-plan.txt");

    [Fact]
    public async Task The_office_uploads_a_plan_maps_the_renamed_bank_and_imports_it()
    {
        var page = await portal.SignInAsync("office1");
        await page.GetByTestId("nav-plan-upload").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/plans/upload", StringComparison.Ordinal));
        await BrowserPortal.WaitInteractiveAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("上传计划");
        var findings = new List<string>(await Axe.CheckAsync(page, "plans/upload"));

        await page.GetByTestId("plan-file").SetInputFilesAsync(PlanPath);
        var preview = page.GetByTestId("preview");
        await Assertions.Expect(page.GetByTestId("preview-title")).ToHaveTextAsync("济南市营商环境创新提升2023年落实方案");
        await Assertions.Expect(page.GetByTestId("preview-document-number")).ToHaveTextAsync("济政办字〔2023〕15号");
        await Assertions.Expect(page.GetByTestId("preview-year")).ToHaveTextAsync("2023");
        await Assertions.Expect(page.GetByTestId("preview-domains")).ToHaveTextAsync("5");
        await Assertions.Expect(page.GetByTestId("preview-tasks")).ToHaveTextAsync("24");
        await Assertions.Expect(page.GetByTestId("preview-milestones")).ToHaveTextAsync("18");
        await Assertions.Expect(page.GetByTestId("preview-warning-count")).ToHaveTextAsync("14");
        await Assertions.Expect(page.GetByTestId("preview-warning")).ToHaveCountAsync(14);
        await Assertions.Expect(page.GetByTestId("warning-table")).ToContainTextAsync("第 51 行");
        await Assertions.Expect(page.GetByTestId("warning-table")).ToContainTextAsync("只写明了配合单位");
        await Assertions.Expect(preview).ToContainTextAsync("济南海关");
        await Assertions.Expect(page.GetByTestId("preview-archive-note")).ToContainTextAsync("山东省营商环境创新 2022 年行动计划》将归档");
        var bankRow = page.Locator($"[data-testid=new-unit][data-unit='{RenamedBank}']");
        await Assertions.Expect(bankRow).ToContainTextAsync("新建单位");
        (await portal.Portal.WithDbAsync(db => db.Plans.CountAsync())).Should().Be(1, "the preview stores nothing");
        await BrowserPortal.ScreenshotAsync(page, "plan-upload-preview");
        findings.AddRange(await Axe.CheckAsync(page, "plans/upload preview"));

        await BrowserPortal.ChooseAsync(page, bankRow, "处理方式", $"对应现有单位：{OldBank}");
        await Assertions.Expect(bankRow).ToContainTextAsync($"对应现有单位：{OldBank}");
        await BrowserPortal.ScreenshotAsync(page, "plan-upload-mapped");
        await page.GetByTestId("confirm-import").ClickAsync();

        await Assertions.Expect(page.GetByTestId("import-done")).ToContainTextAsync("已导入“济南市营商环境创新提升2023年落实方案”：任务 24 项，时间节点 18 个");
        await Assertions.Expect(page.GetByTestId("import-done")).ToContainTextAsync("对应现有单位 1 个");
        await Assertions.Expect(page.GetByTestId("preview")).ToHaveCountAsync(0);
        await BrowserPortal.ScreenshotAsync(page, "plan-upload-imported");

        var stored = await portal.Portal.WithDbAsync(async db => new
        {
            Tasks = await db.PlanTasks.CountAsync(t => t.Plan.Year == 2023),
            RenamedRows = await db.LeadUnits.CountAsync(u => u.Name == RenamedBank),
            BankTasks = await db.PlanTasks.Where(t => t.Plan.Year == 2023 && t.LeadUnits.Any(l => l.LeadUnit.Name == OldBank)).Select(t => t.Number).OrderBy(n => n).ToListAsync(),
        });
        stored.Tasks.Should().Be(24);
        stored.RenamedRows.Should().Be(0);
        stored.BankTasks.Should().Equal(6, 8);

        await page.GetByTestId("import-tasks-link").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/tasks", StringComparison.Ordinal));
        await BrowserPortal.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("task-link").First).ToHaveTextAsync("深化企业开办“一网通办”");
        await page.GotoAsync(new Uri(portal.BaseAddress, "tasks/6").ToString());
        await BrowserPortal.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("lead-units")).ToContainTextAsync(OldBank);
        await Assertions.Expect(page.GetByTestId("supporting-units")).ToContainTextAsync("国家金融监督管理总局山东监管局");
        await BrowserPortal.ScreenshotAsync(page, "plan-upload-task-6");

        // The new year is the default; the menu switches to the archived 2022 plan, read-only, and back.
        await Assertions.Expect(page.GetByTestId("plan-heading")).ToContainTextAsync("济南市营商环境创新提升2023年落实方案");
        await BrowserPortal.SwitchPlanAsync(page, "2022 年 · 鲁政办字〔2022〕28号（已归档）", "/tasks?plan=");
        await Assertions.Expect(page.GetByTestId("archived-banner")).ToContainTextAsync("已归档，只能查看");
        await Assertions.Expect(page.GetByTestId("result-count")).ToContainTextAsync("共 165 项任务");
        await Assertions.Expect(page.GetByTestId("plan-heading")).ToContainTextAsync("鲁政办字〔2022〕28号 · 已归档");
        await BrowserPortal.ScreenshotAsync(page, "plan-switch-archived-tasks");
        findings.AddRange(await Axe.CheckAsync(page, "tasks of an archived plan"));
        await page.GetByTestId("task-link").First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/tasks/1?plan=", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.GetByTestId("archived-banner")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("task-editor")).ToHaveCountAsync(0);
        await page.GetByTestId("nav-plans").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/plans", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.GetByTestId("plan-state")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("plan-table")).ToContainTextAsync("运行中");
        await Assertions.Expect(page.GetByTestId("plan-table")).ToContainTextAsync("已归档");
        await BrowserPortal.ScreenshotAsync(page, "plan-list");
        findings.AddRange(await Axe.CheckAsync(page, "plans"));
        await page.GetByTestId("open-compare").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/plans/compare", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.GetByTestId("compare-domains-row")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("compare-total")).ToContainTextAsync("165");
        await BrowserPortal.ScreenshotAsync(page, "plan-compare");
        findings.AddRange(await Axe.CheckAsync(page, "plans/compare"));
        // 计划管理 and 年度对比 name no plan: the menu is on the default (2023); switching from there opens that plan's 总览.
        await Assertions.Expect(page.GetByTestId("archived-banner")).ToHaveCountAsync(0);
        await BrowserPortal.SwitchPlanAsync(page, "2022 年 · 鲁政办字〔2022〕28号（已归档）", "/dashboard?plan=");
        await Assertions.Expect(page.GetByTestId("archived-banner")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("总览");
        await BrowserPortal.ScreenshotAsync(page, "plan-switch-archived-dashboard");

        // The same file again is refused at once, with nothing stored.
        await page.GotoAsync(new Uri(portal.BaseAddress, "plans/upload").ToString());
        await BrowserPortal.WaitInteractiveAsync(page);
        await page.GetByTestId("plan-file").SetInputFilesAsync(PlanPath);
        await Assertions.Expect(page.GetByTestId("upload-error")).ToContainTextAsync("该文件已导入过");
        await Assertions.Expect(page.GetByTestId("preview")).ToHaveCountAsync(0);
        await BrowserPortal.ScreenshotAsync(page, "plan-upload-duplicate");
        findings.AddRange(await Axe.CheckAsync(page, "plans/upload duplicate"));
        Axe.AssertNone(findings);
    }
}
