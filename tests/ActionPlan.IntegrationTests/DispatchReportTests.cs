using System.Net;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Dispatch;
using ActionPlan.Web.Features.Shared;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ActionPlan.IntegrationTests;

/// <summary>调度通报 over HTTP on the seeded plan: the page, the .xlsx and .docx read back, and scope.</summary>
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

    private static async Task<WordprocessingDocument> DocumentAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync(DispatchEndpoints.DocumentPath + query);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        response.Content.Headers.ContentDisposition!.FileNameStar.Should().Be("调度通报-2022-06-截至2022-06-20.docx");
        var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        // What Word itself would refuse to open (elements out of schema order, wrong values) shows up here.
        new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").Should().BeEmpty();
        return document;
    }

    /// <summary>The table right under the heading that starts with <paramref name="heading"/>, row by row, or null when the section has none.</summary>
    private static string[][]? TableUnder(WordprocessingDocument document, string heading) =>
        document.MainDocumentPart!.Document.Body!.ChildElements
            .SkipWhile(e => !(e is W.Paragraph p && p.InnerText.StartsWith(heading, StringComparison.Ordinal))).Skip(1).FirstOrDefault() is W.Table table
            ? table.Elements<W.TableRow>().Select(r => r.Elements<W.TableCell>().Select(c => c.InnerText).ToArray()).ToArray()
            : null;

    private static List<string> BodyParagraphs(WordprocessingDocument document) =>
        document.MainDocumentPart!.Document.Body!.Elements<W.Paragraph>().Select(p => p.InnerText).ToList();

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
    public async Task The_Word_document_is_laid_out_as_GB_T_9704_with_the_numbers_of_the_page()
    {
        var report = await ReportAsync(new AccessScope("office1", true, null, true, false));

        using var document = await DocumentAsync(fixture.Client, June);

        var main = document.MainDocumentPart!;
        var section = main.Document.Body!.Elements<W.SectionProperties>().Single();
        var page = section.GetFirstChild<W.PageSize>()!;
        (page.Width!.Value, page.Height!.Value).Should().Be((11906u, 16838u), "A4 is 210 × 297 mm");
        var margin = section.GetFirstChild<W.PageMargin>()!;
        margin.Top!.Value.Should().Be(2098, "天头 37 mm");
        margin.Bottom!.Value.Should().Be(1984, "35 mm below the 225 mm text block");
        margin.Left!.Value.Should().Be(1587u, "订口 28 mm");
        margin.Right!.Value.Should().Be(1474u, "26 mm right of the 156 mm text block");
        var grid = section.GetFirstChild<W.DocGrid>()!;
        grid.Type!.Value.Should().Be(W.DocGridValues.LinesAndChars);
        grid.LinePitch!.Value.Should().Be(579, "22 lines fill the 225 mm block");

        var styles = main.StyleDefinitionsPart!.Styles!.Elements<W.Style>().ToDictionary(s => s.StyleId!.Value!);
        (string? Font, string? Size) Look(string id) => (styles[id].StyleRunProperties!.RunFonts!.EastAsia?.Value, styles[id].StyleRunProperties!.FontSize!.Val?.Value);
        Look("Title").Should().Be(("方正小标宋简体", "44"), "the title is 2号小标宋");
        Look("Normal").Should().Be(("仿宋_GB2312", "32"), "the body is 3号仿宋");
        Look("Heading1").Should().Be(("黑体", "32"), "一、 headings are 3号黑体");
        Look("Heading2").Should().Be(("楷体_GB2312", "32"), "（一） headings are 3号楷体");
        Look("Footer").Should().Be(("宋体", "28"), "page numbers are 4号宋体");
        styles["Title"].StyleParagraphProperties!.Justification!.Val!.Value.Should().Be(W.JustificationValues.Center);
        var body = styles["Normal"].StyleParagraphProperties!;
        (body.SpacingBetweenLines!.Line!.Value, body.SpacingBetweenLines.LineRule!.Value).Should().Be(("579", W.LineSpacingRuleValues.Exact));
        body.Indentation!.FirstLineChars!.Value.Should().Be(200, "paragraphs start two characters in");
        main.FontTablePart!.Fonts!.Elements<W.Font>().ToDictionary(f => f.Name!.Value!, f => f.AltName?.Val?.Value).Should().Contain(new Dictionary<string, string?>
        {
            ["方正小标宋简体"] = "宋体", ["宋体"] = "SimSun", ["仿宋_GB2312"] = "仿宋", ["仿宋"] = "FangSong", ["楷体_GB2312"] = "楷体", ["楷体"] = "KaiTi", ["黑体"] = "SimHei",
        });

        var paragraphs = BodyParagraphs(document);
        main.Document.Body!.Elements<W.Paragraph>().Single(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Title").InnerText
            .Should().Be(DispatchWorkbook.Title(report)).And.Be("山东省营商环境创新 2022 年行动计划调度通报（2022年6月）");
        paragraphs.Should().Contain("（未签发）", "a document without an edition is a draft").And.Contain($"{report.DocumentNumber}　　截至2022年6月20日");
        paragraphs.SkipWhile(p => p != "一、总体进展").ElementAt(1).Should().Be(report.Summary);
        main.Document.Body.Elements<W.Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText).Should().Equal(
            "一、总体进展", "二、分领域进展", $"三、逾期未完成的时间节点（{report.Overdue.Count} 个）", $"四、7月将到期的时间节点（{report.NextMonth.Count} 个）",
            $"五、有逾期未完成节点的牵头单位（{report.Units.Count} 个）", "六、报送与督办情况");

        var domains = TableUnder(document, "二、")!;
        domains.Should().HaveCount(1 + 19 + 1, "a header, the 19 domains and 合计");
        domains[0].Should().Equal(DispatchWorkbook.DomainHeaders.Skip(1));
        domains[^1][..2].Should().Equal("合计", "165");
        domains[1..^1].Sum(r => int.Parse(r[1])).Should().Be(165);
        TableUnder(document, "三、")!.Skip(1).Select(r => int.Parse(r[0][..r[0].IndexOf('.')])).Should().Equal(report.Overdue.Select(m => m.TaskNumber));
        TableUnder(document, "五、")!.Skip(1).Select(r => (r[0], r[1])).Should().Equal(report.Units.Select(u => (u.Name, u.Overdue.ToString())));
        var tables = main.Document.Body.Elements<W.Table>().ToList();
        tables.Should().OnlyContain(t => t.Elements<W.TableRow>().First().TableRowProperties!.Elements<W.TableHeader>().Any(), "header rows repeat on every page");
        tables.Should().OnlyContain(t => t.GetFirstChild<W.TableGrid>()!.Elements<W.GridColumn>().Sum(c => int.Parse(c.Width!.Value!)) == 8845, "tables fill the 156 mm text block");

        main.DocumentSettingsPart!.Settings!.Elements<W.EvenAndOddHeaders>().Should().ContainSingle("odd and even pages number on different sides");
        var footers = section.Elements<W.FooterReference>().ToDictionary(r => r.Type!.InnerText!, r => ((FooterPart)main.GetPartById(r.Id!.Value!)).Footer!);
        footers.Keys.Should().BeEquivalentTo("default", "even");
        foreach (var footer in footers.Values)
        {
            footer.Descendants<W.FieldCode>().Single().Text.Trim().Should().Be("PAGE");
            string.Concat(footer.Descendants<W.Text>().Select(t => t.Text)).Should().Be("— 1 —");
        }

        footers["default"].Descendants<W.Justification>().Single().Val!.Value.Should().Be(W.JustificationValues.Right, "odd pages number on the right");
        footers["even"].Descendants<W.Justification>().Single().Val!.Value.Should().Be(W.JustificationValues.Left, "even pages number on the left");
    }

    [Fact]
    public async Task An_issued_edition_names_its_number_issuer_and_date_instead_of_the_draft_line()
    {
        var report = await ReportAsync(new AccessScope("office1", true, null, true, false));

        using var document = WordprocessingDocument.Open(new MemoryStream(DispatchDocument.Write(report, new DispatchEdition(3, new DateOnly(2022, 6, 21), "王主任"))), false);

        BodyParagraphs(document).Should().Contain("第3期").And.Contain("签发人：王主任").And.Contain("2022年6月21日").And.NotContain("（未签发）");
    }

    [Fact]
    public async Task A_lead_unit_gets_the_Word_document_of_its_own_tasks()
    {
        if (!await Portal.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "dispatchUnit")))
        {
            await Portal.CreateUserAsync("dispatchUnit", Roles.LeadUnit, "省发展改革委");
        }

        var own = await Portal.WithDbAsync(db => db.PlanTasks.Where(t => t.LeadUnits.Any(l => l.LeadUnit.Name == "省发展改革委")).Select(t => t.Number).ToListAsync());
        var client = await Portal.ClientAsync("dispatchUnit");

        using var document = await DocumentAsync(client, June);

        var paragraphs = BodyParagraphs(document);
        paragraphs.Should().Contain(p => p.EndsWith("截至2022年6月20日　（本单位牵头的任务）"));
        paragraphs.SkipWhile(p => p != "一、总体进展").ElementAt(1).Should().Contain($"本单位牵头的任务共{own.Count}项");
        TableUnder(document, "二、")![^1][..2].Should().Equal("合计", own.Count.ToString());
        (TableUnder(document, "三、") ?? []).Skip(1).Select(r => int.Parse(r[0][..r[0].IndexOf('.')])).Should().BeSubsetOf(own);
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
        var anonymous = await Portal.ClientAsync();
        (await anonymous.GetAsync(DispatchEndpoints.Path)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await anonymous.GetAsync(DispatchEndpoints.DocumentPath)).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }
}

public sealed class SqliteDispatchReportTests(SqlitePortal fixture) : DispatchReportTests(fixture), IClassFixture<SqlitePortal>;

public sealed class PostgresDispatchReportTests(PostgresPortal fixture) : DispatchReportTests(fixture), IClassFixture<PostgresPortal>;
