using System.Net;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Audit;
using ActionPlan.Web.Features.Dispatch;
using ActionPlan.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ActionPlan.IntegrationTests;

/// <summary>签发 on the seeded plan: numbering, the stored copy that never changes, who may issue and read, and what reading touches.</summary>
public abstract class DispatchIssueTests(PortalFixture fixture)
{
    private static readonly AccessScope Office = new("office1", true, null, true, false);
    private static readonly AccessScope Leadership = new("dispatchLeader", true, null, false, false);
    private static readonly DateOnly June = new(2022, 6, 1);
    private static readonly DateOnly June20 = new(2022, 6, 20);

    private PortalFactory Portal => fixture.Portal;

    private DispatchIssues Issues => Portal.Services.GetRequiredService<DispatchIssues>();

    private async Task<PlanOverview> PlanAsync() => (await Portal.Services.GetRequiredService<CurrentPlan>().GetAsync())!;

    private async Task<DispatchReport> LiveReportAsync() =>
        await Portal.Services.GetRequiredService<DispatchReportQueries>().LoadAsync(Office, await PlanAsync(), June, June20);

    private async Task<int> IssueJuneAsync()
    {
        var result = await Issues.IssueAsync(Office, await PlanAsync(), June, June20);
        result.Succeeded.Should().BeTrue(result.Message);
        return result.Number!.Value;
    }

    private async Task<byte[]> DownloadAsync(HttpClient client, string path, string contentType)
    {
        var response = await client.GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be(contentType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task Issues_are_numbered_in_order_and_keep_the_report_as_it_was_issued()
    {
        var report = await LiveReportAsync();
        var lastAudit = await Portal.LastAuditIdAsync();

        var first = await IssueJuneAsync();
        var second = await IssueJuneAsync();

        second.Should().Be(first + 1);
        var stored = await Portal.WithDbAsync(db => db.IssuedDispatchReports.AsNoTracking().SingleAsync(r => r.Number == first));
        (stored.Month, stored.AsOf, stored.IssuedBy, stored.IssuerName).Should().Be((June, June20, "office1", "office1"));
        stored.Title.Should().Be("山东省营商环境创新 2022 年行动计划调度通报（2022年6月）");
        stored.Summary.Should().Be(report.Summary);
        WebUtility.HtmlDecode(stored.Html).Should().Contain($"第{first}期").And.Contain(report.Summary).And.Contain("office1");
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(stored.Docx), false))
        {
            var text = word.MainDocumentPart!.Document.Body!.InnerText;
            text.Should().Contain($"第{first}期").And.Contain(report.Summary).And.NotContain("未签发");
        }

        stored.FiguresJson.Should().Contain($"\"Overdue\":{report.Figures.Milestones.Overdue}").And.Contain("\"Total\":165");
        var audit = await Portal.AuditSinceAsync(lastAudit);
        audit.Select(a => (a.EntityType, a.EntityKey, a.Action, a.Actor)).Should().Equal(
            (AuditNames.DispatchEntity, first.ToString(), "IssueDispatch", "office1"),
            (AuditNames.DispatchEntity, second.ToString(), "IssueDispatch", "office1"));
        audit[0].NewValue.Should().Be($"第{first}期：2022年6月，截至2022年6月20日");
    }

    [Fact]
    public async Task A_later_change_to_the_tasks_never_changes_an_issued_report()
    {
        // As of today: a past day's report is kept by the history already, today's moves with every save.
        var today = Portal.Services.GetRequiredService<PortalClock>().Today;
        var month = new DateOnly(today.Year, today.Month, 1);
        var plan = await PlanAsync();
        async Task<DispatchReport> LiveAsync() => await Portal.Services.GetRequiredService<DispatchReportQueries>().LoadAsync(Office, plan, month, today);
        var issued = await Issues.IssueAsync(Office, plan, month, today);
        issued.Succeeded.Should().BeTrue(issued.Message);
        var number = issued.Number!.Value;
        var word = await DownloadAsync(fixture.Client, IssuedDispatchEndpoints.WordPath(number), DispatchDocument.ContentType);
        var excel = await DownloadAsync(fixture.Client, IssuedDispatchEndpoints.ExcelPath(number), XlsxWriter.ContentType);
        var page = WebUtility.HtmlDecode(await fixture.Client.GetStringAsync($"/dispatch/issued/{number}"));
        var issuedSummary = (await LiveAsync()).Summary;
        page.Should().Contain(issuedSummary);

        // Complete every overdue milestone of the report and suspend a task: the live report changes.
        var overdue = (await LiveAsync()).Overdue.Select(m => m.TaskNumber).ToList();
        overdue.Should().NotBeEmpty();
        await Portal.WithDbAsync(db => db.Milestones.Where(m => overdue.Contains(m.PlanTask.Number) && !m.IsDone)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.IsDone, true).SetProperty(m => m.CompletedOn, new DateOnly(2022, 6, 1))));
        await Portal.WithDbAsync(db => db.PlanTasks.Where(t => t.Number == 1)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, PlanTaskStatus.Suspended).SetProperty(t => t.SuspensionReason, "测试")));
        var changedSummary = (await LiveAsync()).Summary;
        changedSummary.Should().NotBe(issuedSummary);

        (await DownloadAsync(fixture.Client, IssuedDispatchEndpoints.WordPath(number), DispatchDocument.ContentType)).Should().Equal(word);
        (await DownloadAsync(fixture.Client, IssuedDispatchEndpoints.ExcelPath(number), XlsxWriter.ContentType)).Should().Equal(excel);
        var again = WebUtility.HtmlDecode(await fixture.Client.GetStringAsync($"/dispatch/issued/{number}"));
        again.Should().Contain(issuedSummary).And.NotContain(changedSummary);
        (await Issues.ListAsync(Office, plan.Id)).Single(r => r.Number == number).Summary.Should().Be(issuedSummary);
    }

    [Fact]
    public async Task Reading_an_issued_report_asks_nothing_of_the_task_tables()
    {
        var number = await IssueJuneAsync();
        var plan = await PlanAsync();

        var before = Portal.Commands.Count;
        (await Issues.GetAsync(Office, plan.Id, number)).Should().NotBeNull();
        (await Issues.FileAsync(Office, plan.Id, number, word: true)).Should().NotBeNull();
        (await Issues.FileAsync(Office, plan.Id, number, word: false)).Should().NotBeNull();
        await DownloadAsync(fixture.Client, IssuedDispatchEndpoints.WordPath(number), DispatchDocument.ContentType);
        WebUtility.HtmlDecode(await fixture.Client.GetStringAsync($"/dispatch/issued/{number}")).Should().Contain($"第{number}期");

        var sql = Portal.Commands.TextsAfter(before);
        sql.Should().Contain("IssuedDispatchReports");
        foreach (var table in new[] { "\"PlanTasks\"", "\"Milestones\"", "\"PlanTaskLeadUnits\"", "\"ProgressReports\"", "\"FigureCells\"" })
        {
            sql.Should().NotContain(table);
        }
    }

    [Fact]
    public async Task Only_the_office_issues_and_units_cannot_read_issued_reports()
    {
        var number = await IssueJuneAsync();
        var count = await Portal.WithDbAsync(db => db.IssuedDispatchReports.CountAsync());
        if (!await Portal.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "issueUnit")))
        {
            await Portal.CreateUserAsync("issueUnit", Roles.LeadUnit, "省发展改革委");
            await Portal.CreateUserAsync("dispatchLeader", Roles.Leadership);
        }

        var refused = await Issues.IssueAsync(Leadership, await PlanAsync(), June, June20);

        refused.Should().Be(DispatchIssueResult.Fail("只有省营转办可以签发调度通报。"));
        (await Portal.WithDbAsync(db => db.IssuedDispatchReports.CountAsync())).Should().Be(count);
        var leader = await Portal.ClientAsync("dispatchLeader");
        await DownloadAsync(leader, IssuedDispatchEndpoints.WordPath(number), DispatchDocument.ContentType);
        WebUtility.HtmlDecode(await leader.GetStringAsync("/dispatch/issued")).Should().Contain($"第{number}期");
        var unit = await Portal.ClientAsync("issueUnit");
        (await unit.GetAsync(IssuedDispatchEndpoints.WordPath(number))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await unit.GetAsync(IssuedDispatchEndpoints.ExcelPath(number))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var page = await unit.GetAsync($"/dispatch/issued/{number}");
        page.StatusCode.Should().Be(HttpStatusCode.Redirect);
        page.Headers.Location!.OriginalString.Should().Contain("access-denied");
        (await fixture.Client.GetAsync(IssuedDispatchEndpoints.WordPath(number + 1000))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("2999-01-01", "2999-01-05", "2999年1月尚未到来，不能签发该月的通报。")]
    [InlineData("2022-06-01", "2022-07-01", "截至日期须在2022年6月内")]
    [InlineData("2022-06-01", "2022-05-31", "截至日期须在2022年6月内")]
    public async Task An_issue_of_a_month_or_date_out_of_range_is_refused_and_stores_nothing(string month, string asOf, string message)
    {
        var count = await Portal.WithDbAsync(db => db.IssuedDispatchReports.CountAsync());

        var result = await Issues.IssueAsync(Office, await PlanAsync(), DateOnly.Parse(month), DateOnly.Parse(asOf));

        result.Succeeded.Should().BeFalse();
        result.Message.Should().StartWith(message);
        (await Portal.WithDbAsync(db => db.IssuedDispatchReports.CountAsync())).Should().Be(count);
    }

    [Fact]
    public async Task Two_issues_at_once_get_two_numbers()
    {
        var plan = await PlanAsync();

        var results = await Task.WhenAll(Issues.IssueAsync(Office, plan, June, June20), Issues.IssueAsync(Office, plan, June, June20));

        results.Should().OnlyContain(r => r.Succeeded);
        var numbers = results.Select(r => r.Number!.Value).Order().ToList();
        numbers[1].Should().Be(numbers[0] + 1);
        (await Portal.WithDbAsync(db => db.IssuedDispatchReports.Where(r => numbers.Contains(r.Number)).CountAsync())).Should().Be(2);
    }
}

public sealed class SqliteDispatchIssueTests(SqlitePortal fixture) : DispatchIssueTests(fixture), IClassFixture<SqlitePortal>;

public sealed class PostgresDispatchIssueTests(PostgresPortal fixture) : DispatchIssueTests(fixture), IClassFixture<PostgresPortal>;
