using System.Net;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Dispatch;
using ActionPlan.Web.Features.Shared;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ActionPlan.IntegrationTests;

/// <summary>调度通报 over HTTP on the seeded plan: the page, the .xlsx read back, and scope.</summary>
public abstract class DispatchReportTests(PortalFixture fixture)
{
    private const string June = "?month=2022-06&asof=2022-06-20";

    private PortalFactory Portal => fixture.Portal;

    private static async Task<Dictionary<string, List<string[]>>> WorkbookAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync(DispatchEndpoints.Path + query);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var workbook = document.WorkbookPart!;
        return workbook.Workbook.Descendants<Sheet>().ToDictionary(
            s => s.Name!.Value!,
            s =>
            {
                var sheet = ((WorksheetPart)workbook.GetPartById(s.Id!.Value!)).Worksheet;
                sheet.Descendants<CellFormula>().Should().BeEmpty("the report never contains a formula");
                sheet.Descendants<Pane>().Single().State!.Value.Should().Be(PaneStateValues.Frozen);
                return sheet.Descendants<Row>()
                    .Select(r => r.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "").ToArray())
                    .ToList();
            });
    }

    private async Task<DispatchReport> ReportAsync(AccessScope scope)
    {
        var plan = (await Portal.Services.GetRequiredService<CurrentPlan>().GetAsync())!;
        return await Portal.Services.GetRequiredService<DispatchReportQueries>().LoadAsync(scope, plan, new DateOnly(2022, 6, 1), new DateOnly(2022, 6, 20));
    }

    [Fact]
    public async Task The_page_shows_the_summary_and_tables_of_the_chosen_month()
    {
        var report = await ReportAsync(new AccessScope("office1", true, null, true, false));

        var html = WebUtility.HtmlDecode(await fixture.Client.GetStringAsync("/dispatch" + June));

        html.Should().Contain("调度通报（2022年6月）").And.Contain("截至2022年6月20日").And.Contain(report.Summary);
        html.Should().Contain($"三、逾期未完成的时间节点（{report.Overdue.Count} 个）").And.Contain($"四、7月将到期的时间节点（{report.NextMonth.Count} 个）");
        report.Overdue.Should().NotBeEmpty("on 2022-06-20 some milestones of March to June are past due");
        report.Overdue.Should().OnlyContain(m => m.Due < new DateOnly(2022, 6, 20) && !m.IsDone);
        report.NextMonth.Should().OnlyContain(m => m.Due.Month == 7 && m.Due.Year == 2022);
        report.Figures.Tasks.Total.Should().Be(165);
    }

    [Fact]
    public async Task The_workbook_holds_the_same_numbers_as_the_page_and_writes_formula_like_text_as_text()
    {
        // A title that Excel would run if it were written as a formula.
        var overdueTask = (await ReportAsync(new AccessScope("office1", true, null, true, false))).Overdue[0].TaskNumber;
        await Portal.WithDbAsync(db => db.PlanTasks.Where(t => t.Number == overdueTask).ExecuteUpdateAsync(s => s.SetProperty(t => t.Title, "=HYPERLINK(\"http://evil.example\")")));
        var report = await ReportAsync(new AccessScope("office1", true, null, true, false));

        var sheets = await WorkbookAsync(fixture.Client, June);

        sheets.Keys.Should().Equal("概况", "分领域", "逾期未完成节点", "7月到期节点", "逾期单位", "报送与督办");
        sheets["概况"][0].Should().Equal("山东省营商环境创新 2022 年行动计划调度通报（2022年6月）");
        sheets["概况"][1].Should().Equal("截至2022年6月20日");
        sheets["概况"].Single(r => r[0] == "逾期未完成")[1].Should().Be(report.Figures.Milestones.Overdue.ToString());
        sheets["分领域"][2].Should().Equal(DispatchWorkbook.DomainHeaders);
        sheets["分领域"].Skip(3).Select(r => r[1]).Should().HaveCount(19);
        sheets["分领域"].Skip(3).Sum(r => int.Parse(r[2])).Should().Be(165);
        sheets["逾期未完成节点"].Skip(3).Select(r => r[0]).Should().Equal(report.Overdue.Select(m => m.TaskNumber.ToString()));
        sheets["逾期未完成节点"].Skip(3).Should().Contain(r => r[1] == "=HYPERLINK(\"http://evil.example\")");
        sheets["7月到期节点"].Should().HaveCount(3 + report.NextMonth.Count);
        sheets["逾期单位"].Skip(3).Select(r => (r[0], r[1])).Should().Equal(report.Units.Select(u => (u.Name, u.Overdue.ToString())));
    }

    [Fact]
    public async Task A_lead_unit_gets_the_report_of_its_own_tasks()
    {
        if (!await Portal.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "dispatchUnit")))
        {
            await Portal.CreateUserAsync("dispatchUnit", Roles.LeadUnit, "省发展改革委");
        }

        var own = await Portal.WithDbAsync(db => db.PlanTasks.Where(t => t.LeadUnits.Any(l => l.LeadUnit.Name == "省发展改革委")).Select(t => t.Number).ToListAsync());
        var client = await Portal.ClientAsync("dispatchUnit");

        var sheets = await WorkbookAsync(client, June);
        sheets["分领域"].Skip(3).Sum(r => int.Parse(r[2])).Should().Be(own.Count);
        sheets["逾期未完成节点"].Skip(3).Select(r => int.Parse(r[0])).Should().BeSubsetOf(own);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/dispatch" + June));
        html.Should().Contain($"本单位牵头的任务共{own.Count}项").And.Contain("（本单位牵头的任务）");
        sheets["概况"][1].Should().Equal("截至2022年6月20日（本单位牵头的任务）");
    }

    [Fact]
    public async Task A_month_that_has_not_come_is_replaced_by_the_current_one_with_a_message()
    {
        var html = WebUtility.HtmlDecode(await fixture.Client.GetStringAsync("/dispatch?month=2999-01&asof=nonsense"));

        html.Should().Contain("2999年1月尚未到来，已改为本月。").And.Contain("截至日期“nonsense”无法识别");
    }

    [Fact]
    public async Task The_ledger_of_a_milestone_view_holds_the_tasks_the_list_says_it_involves()
    {
        var response = await fixture.Client.GetAsync(PortalPaths.Ledger + "?ms=overdue&domain=3");
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().Count() - 1;

        var html = WebUtility.HtmlDecode(await fixture.Client.GetStringAsync("/tasks?ms=overdue&domain=3"));
        html.Should().MatchRegex($"筛选出 <b>\\d+</b> 个时间节点，涉及 <b>{rows}</b> 项任务");
        rows.Should().BeGreaterThan(0, "today every milestone of 2022 is past due");
    }

    [Fact]
    public async Task Tasks_without_a_lead_unit_show_the_plans_own_words_in_the_list_and_the_report()
    {
        var html = WebUtility.HtmlDecode(await fixture.Client.GetStringAsync("/tasks?unit=%E6%97%A0%E7%89%B5%E5%A4%B4%E5%8D%95%E4%BD%8D&size=50"));
        html.Should().Contain("筛选出 <b>22</b> 项任务");
        System.Text.RegularExpressions.Regex.Matches(html, "省有关部门单位按照职责分工负责").Count.Should().BeGreaterThanOrEqualTo(22, "each of the 22 rows says who leads it in the plan's own words");

        new ReportMilestone(61, "任务", [], "省有关部门单位按照职责分工负责", new DateOnly(2022, 6, 30), "6月底前", false, null)
            .Units.Should().Be("省有关部门单位按照职责分工负责", "the report prints the same words (no task without a unit has a deadline in the plan)");
    }

    [Fact]
    public async Task Anonymous_users_get_no_report()
    {
        var response = await (await Portal.ClientAsync()).GetAsync(DispatchEndpoints.Path);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
    }
}

public sealed class SqliteDispatchReportTests(SqlitePortal fixture) : DispatchReportTests(fixture), IClassFixture<SqlitePortal>;

public sealed class PostgresDispatchReportTests(PostgresPortal fixture) : DispatchReportTests(fixture), IClassFixture<PostgresPortal>;
