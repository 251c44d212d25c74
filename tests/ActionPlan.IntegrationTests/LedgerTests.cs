using System.Net;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Ledger;
using ActionPlan.Web.Features.Shared;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.IntegrationTests;

/// <summary>The 工作台账 export read back with the Open XML SDK: rows, scope, frozen header, no formulas.</summary>
public abstract class LedgerTests(PortalFixture fixture)
{
    private PortalFactory Portal => fixture.Portal;

    private async Task<List<string[]>> ExportAsync(HttpClient client, string query = "")
    {
        var response = await client.GetAsync(PortalPaths.Ledger + query);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        sheet.Descendants<CellFormula>().Should().BeEmpty("the ledger never contains a formula");
        sheet.Descendants<Pane>().Single().State!.Value.Should().Be(PaneStateValues.Frozen);
        sheet.Descendants<Column>().Should().HaveCount(LedgerWorkbook.Headers.Length);
        return sheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "").ToArray())
            .ToList();
    }

    [Fact]
    public async Task Whole_plan_export_has_every_task_with_chinese_headers_and_its_milestones()
    {
        var rows = await ExportAsync(fixture.Client);

        rows[0].Should().Equal(LedgerWorkbook.Headers);
        rows.Should().HaveCount(166);
        var task12 = rows.Single(r => r[0] == "12");
        task12[1].Should().Be("工程建设项目审批领域");
        task12[2].Should().Be("完善土地供应前基础配套设施");
        task12[3].Should().Be("省自然资源厅、省住房城乡建设厅");
        task12[4].Should().Be("2022-11-30 11月底前");
        task12[5].Should().Be("未启动");
        rows.Single(r => r[0] == "61")[3].Should().Be("省有关部门单位按照职责分工负责");
    }

    [Fact]
    public async Task Filtered_export_holds_exactly_the_rows_the_list_counts()
    {
        var rows = await ExportAsync(fixture.Client, "?domain=2&sort=number&dir=desc");

        rows.Skip(1).Select(r => r[0]).Should().Equal(Enumerable.Range(9, 14).Reverse().Select(n => n.ToString()));
        var html = WebUtility.HtmlDecode(await fixture.Client.GetStringAsync("/tasks?domain=2"));
        html.Should().Contain($"筛选出 <b>{rows.Count - 1}</b> 项任务");
    }

    [Fact]
    public async Task Cells_that_look_like_formulas_are_written_as_text()
    {
        await Portal.WithDbAsync(db => db.PlanTasks.Where(t => t.Number == 20)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ProgressSummary, "=HYPERLINK(\"http://evil.example\",\"点我\")").SetProperty(t => t.Difficulties, "@SUM(1+1)")));
        await Portal.WithDbAsync(db => db.PlanTasks.Where(t => t.Number == 21)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ProgressSummary, "+1").SetProperty(t => t.Difficulties, "-2")));

        var rows = await ExportAsync(fixture.Client);

        var task20 = rows.Single(r => r[0] == "20");
        task20[7].Should().Be("=HYPERLINK(\"http://evil.example\",\"点我\")");
        task20[8].Should().Be("@SUM(1+1)");
        rows.Single(r => r[0] == "21")[7..9].Should().Equal("+1", "-2");
    }

    [Fact]
    public async Task A_lead_unit_exports_only_its_own_tasks()
    {
        if (!await Portal.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "ledgerUnit")))
        {
            await Portal.CreateUserAsync("ledgerUnit", Roles.LeadUnit, "省大数据局");
        }

        var expected = await Portal.WithDbAsync(db => db.PlanTasks.Where(t => t.LeadUnits.Any(l => l.LeadUnit.Name == "省大数据局")).Select(t => t.Number.ToString()).ToListAsync());
        var rows = await ExportAsync(await Portal.ClientAsync("ledgerUnit"), "?unit=%E7%9C%81%E5%B8%82%E5%9C%BA%E7%9B%91%E7%AE%A1%E5%B1%80");
        rows.Skip(1).Select(r => r[0]).Should().BeSubsetOf(expected, "asking for another unit's tasks does not widen the scope");

        var all = await ExportAsync(await Portal.ClientAsync("ledgerUnit"));
        all.Skip(1).Select(r => r[0]).Should().BeEquivalentTo(expected);
    }

    [Fact]
    public async Task Anonymous_users_get_no_ledger()
    {
        var response = await (await Portal.ClientAsync()).GetAsync(PortalPaths.Ledger);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
    }
}

public sealed class SqliteLedgerTests(SqlitePortal fixture) : LedgerTests(fixture), IClassFixture<SqlitePortal>;

public sealed class PostgresLedgerTests(PostgresPortal fixture) : LedgerTests(fixture), IClassFixture<PostgresPortal>;
