using ActionPlan.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ActionPlan.E2ETests;

/// <summary>
/// Every page each role can reach, and the main dialogs and forms, checked with axe-core (WCAG 2.0/2.1 A and AA):
/// no critical or serious violation, one <c>main</c> landmark, one <c>h1</c>. The demo history gives every page data
/// (rounds, reports waiting for review, slips, issued 调度通报) on the simulated day 2022-06-20. A test fails listing
/// every finding: page, rule, impact, target.
/// </summary>
public sealed class AccessibilityTests(DemoHistoryPortal portal) : IClassFixture<DemoHistoryPortal>
{
    private const string Unit = "省市场监管局";

    /// <summary>Ids of records the pages show, read from the played demo history.</summary>
    private sealed record Ids(int UnitTask, int Slip, int UnitSlip, int Round, int Review, int Issued);

    private async Task<Ids> IdsAsync() => await portal.Portal.WithDbAsync(async db =>
    {
        var unitId = await db.LeadUnits.Where(u => u.Name == Unit).Select(u => u.Id).SingleAsync();
        var unitTask = await db.PlanTasks.Where(t => t.ClosedAt == null && t.LeadUnits.Any(l => l.LeadUnitId == unitId) && t.Milestones.Any())
            .OrderBy(t => t.Number).Select(t => t.Number).FirstAsync();
        var slip = await db.SupervisionSlips.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
        var unitSlip = await db.SupervisionSlips.Where(s => s.Recipients.Any(r => r.LeadUnitId == unitId)).OrderBy(s => s.Id).Select(s => (int?)s.Id).FirstOrDefaultAsync();
        var round = await db.ReportingRounds.OrderByDescending(r => r.Id).Select(r => r.Id).FirstAsync();
        var review = await db.ProgressReports.Where(r => r.State == ReviewState.Submitted).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
        var issued = await db.IssuedDispatchReports.OrderBy(r => r.Number).Select(r => r.Number).FirstAsync();
        return new Ids(unitTask, slip, unitSlip ?? slip, round, review, issued);
    });

    /// <summary>The pages of the office's menu (and the detail pages behind it), for office, admin and leadership alike.</summary>
    private static List<string> OfficePages(Ids ids) =>
    [
        "dashboard", "tasks", "tasks?view=milestones&ms=overdue", $"tasks/{ids.UnitTask}", "slips", $"slips/{ids.Slip}", "extensions",
        "rounds", $"rounds/{ids.Round}", "dispatch", "dispatch/issued", $"dispatch/issued/{ids.Issued}", "alerts", "notifications",
        "reviews", $"reviews/{ids.Review}", "account/change-password", "account/access-denied", "not-found", "tasks/9999",
    ];

    [Fact]
    public async Task Every_office_page_passes_axe() => await CheckPagesAsync("office1", [.. OfficePages(await IdsAsync()), "plans/upload"]);

    [Fact]
    public async Task Every_admin_page_passes_axe() => await CheckPagesAsync("admin1", [.. OfficePages(await IdsAsync()), "admin/users", "plans/upload"]);

    [Fact]
    public async Task Every_leadership_page_passes_axe() => await CheckPagesAsync("leader1", OfficePages(await IdsAsync()));

    [Fact]
    public async Task Every_lead_unit_page_passes_axe()
    {
        var ids = await IdsAsync();
        await CheckPagesAsync("unit1",
        [
            "dashboard", "tasks", $"tasks/{ids.UnitTask}", "slips", $"slips/{ids.UnitSlip}", "my-round", "extensions", "notifications",
            "account/change-password", "reviews", "not-found",
        ]);
    }

    [Fact]
    public async Task The_sign_in_page_passes_axe_also_with_an_error()
    {
        var context = await portal.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 }, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        var findings = new List<string>();
        foreach (var path in new[] { "account/login", "account/login?error=failed" })
        {
            await page.GotoAsync(new Uri(portal.BaseAddress, path).ToString());
            findings.AddRange(await Axe.CheckAsync(page, path));
        }

        await context.CloseAsync();
        Axe.AssertNone(findings);
    }

    [Fact]
    public async Task The_office_dialogs_and_forms_pass_axe()
    {
        var ids = await IdsAsync();
        var page = await portal.SignInAsync("admin1");
        var findings = new List<string>();

        // The task's edit form, with its status list open, and with the messages of a refused save.
        await GoAsync(page, $"tasks/{ids.UnitTask}");
        await page.GetByTestId("edit-status").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").First.WaitForAsync();
        findings.AddRange(await Axe.ViolationsAsync(page, "task edit form, status list open"));
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "暂缓" }).ClickAsync();
        await page.Locator("input[data-testid=edit-reason], [data-testid=edit-reason] input, [data-testid=edit-reason] textarea").First.FillAsync("");
        await page.GetByTestId("edit-save").ClickAsync();
        await page.Locator("[data-testid=task-editor] .mud-input-error").First.WaitForAsync();
        findings.AddRange(await Axe.ViolationsAsync(page, "task edit form with errors"));

        findings.AddRange(await DialogAsync(page, "issue-slip", "issue-slip dialog"));

        await GoAsync(page, "rounds");
        findings.AddRange(await DialogAsync(page, "open-round", "open-round dialog"));

        await GoAsync(page, "dispatch?month=2022-06");
        findings.AddRange(await DialogAsync(page, "dispatch-issue", "dispatch issue dialog"));

        await GoAsync(page, "admin/users");
        findings.AddRange(await DialogAsync(page, "create-user", "new-user dialog"));

        await page.Context.CloseAsync();
        Axe.AssertNone(findings);
    }

    [Fact]
    public async Task The_lead_unit_report_form_and_extension_dialog_pass_axe()
    {
        var ids = await IdsAsync();
        var page = await portal.SignInAsync("unit1");
        var findings = new List<string>();

        await GoAsync(page, $"tasks/{ids.UnitTask}");
        await page.GetByTestId("new-report").ClickAsync();
        await page.GetByTestId("report-form").WaitForAsync();
        findings.AddRange(await Axe.ViolationsAsync(page, "report form"));
        await page.GetByTestId("report-submit").ClickAsync();
        await page.Locator("[data-testid=report-form] .mud-input-error, [data-testid=report-error]").First.WaitForAsync();
        findings.AddRange(await Axe.ViolationsAsync(page, "report form with errors"));

        await GoAsync(page, $"tasks/{ids.UnitTask}");
        if (await page.GetByTestId("request-extension").IsEnabledAsync())
        {
            findings.AddRange(await DialogAsync(page, "request-extension", "extension dialog"));
        }

        await page.Context.CloseAsync();
        Axe.AssertNone(findings);
    }

    private async Task CheckPagesAsync(string userName, IReadOnlyList<string> paths)
    {
        var page = await portal.SignInAsync(userName);
        var findings = new List<string>();
        foreach (var path in paths)
        {
            await GoAsync(page, path);
            findings.AddRange(await Axe.CheckAsync(page, $"{userName} /{path}"));
        }

        await page.Context.CloseAsync();
        Axe.AssertNone(findings);
    }

    /// <summary>Opens the page; waits for the circuit where the page has one, and for its title.</summary>
    private async Task GoAsync(IPage page, string path)
    {
        await page.GotoAsync(new Uri(portal.BaseAddress, path).ToString());
        if (await page.GetByTestId("interactive").CountAsync() > 0)
        {
            await BrowserPortal.WaitInteractiveAsync(page);
        }

        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        try
        {
            await page.Locator("h1").First.WaitForAsync(new() { Timeout = 5_000 });
        }
        catch (TimeoutException)
        {
            // The structure check reports a page without its h1.
        }
    }

    /// <summary>Clicks the button, checks the dialog once it has finished opening, closes it with Escape.</summary>
    private static async Task<IReadOnlyList<string>> DialogAsync(IPage page, string button, string where)
    {
        await page.GetByTestId(button).ClickAsync();
        var dialog = page.Locator(".mud-dialog").First;
        await dialog.WaitForAsync();
        await page.WaitForTimeoutAsync(400); // the opening animation: axe measures contrast on what is painted
        var findings = await Axe.ViolationsAsync(page, where);
        await page.Locator(".mud-dialog-actions button").Filter(new() { HasText = "取消" }).First.ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        return findings;
    }
}
