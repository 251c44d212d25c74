using System.Text;
using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.PlanDocument;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Audit;
using ActionPlan.Web.Features.Extensions;
using ActionPlan.Web.Features.Plans;
using ActionPlan.Web.Features.Reports;
using ActionPlan.Web.Features.Shared;
using ActionPlan.Web.Features.Slips;
using ActionPlan.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ActionPlan.IntegrationTests;

/// <summary>
/// 上传计划 with the second test plan (济南 2023) on a portal seeded with the 2022 plan. Each test imports its own
/// variant of the file (the renamed bank carries a tag, so the content hash and the new unit are the test's own).
/// </summary>
public abstract class PlanUploadTests(PortalFixture fixture)
{
    private const string RenamedBank = "中国人民银行山东省分行";
    private const string OldBank = "人民银行济南分行";

    private static readonly AccessScope Office = new("office1", true, null, true, false);
    private static readonly AccessScope Admin = new("admin1", true, null, true, true);
    private static readonly AccessScope Leadership = new("leader1", true, null, false, false);

    private static readonly string JinanPath =
        Path.Combine(AppContext.BaseDirectory, "test-plans", "jinan-2023-business-environment-implementation-plan.txt");

    private PortalFactory Portal => fixture.Portal;

    private PlanUploads Uploads => Portal.Services.GetRequiredService<PlanUploads>();

    private static (string Bank, byte[] Content) Variant()
    {
        var bank = RenamedBank + Guid.NewGuid().ToString("N")[..6];
        return (bank, Encoding.UTF8.GetBytes(File.ReadAllText(JinanPath, Encoding.UTF8).Replace(RenamedBank, bank)));
    }

    private Task<int> CountAsync(Func<AppDbContext, Task<int>> count) => Portal.WithDbAsync(count);

    private Task<int> OldBankIdAsync() => Portal.WithDbAsync(db => db.LeadUnits.Where(u => u.Name == OldBank).Select(u => u.Id).SingleAsync());

    [Fact]
    public async Task Preview_counts_equal_the_parser_and_store_nothing()
    {
        var (bank, content) = Variant();
        var parsed = PlanParser.Parse(content);
        var plans = await CountAsync(db => db.Plans.CountAsync());
        var units = await CountAsync(db => db.LeadUnits.CountAsync());

        var check = await Uploads.PreviewAsync(Office, "jinan.txt", content);

        check.Error.Should().BeNull();
        var preview = check.Preview!;
        preview.Header.Should().Be(parsed.Plan);
        preview.Tasks.Should().Be(parsed.Tasks.Count).And.Be(24);
        preview.Milestones.Should().Be(parsed.Tasks.Sum(t => t.Milestones.Count));
        preview.Domains.Select(d => (d.Number, d.Name)).Should().Equal(parsed.Domains.Select(d => (d.Number, d.Name)));
        preview.Domains.Sum(d => d.Tasks).Should().Be(24);
        preview.Warnings.Should().Equal(parsed.Warnings);
        preview.Units.Select(u => u.Name).Should().BeEquivalentTo(
            parsed.Tasks.SelectMany(t => t.LeadUnits.Concat(t.SupportingUnits)).Concat(parsed.Measures.SelectMany(m => m.LeadUnits)).Distinct());
        preview.Units.Should().Contain(u => u.Name == bank && u.IsNew && u.LeadTasks == 2 && u.SupportingTasks == 1);
        preview.Units.Should().Contain(u => u.Name == "济南海关" && !u.IsNew, "济南海关 is a unit of the 2022 plan");
        (await CountAsync(db => db.Plans.CountAsync())).Should().Be(plans);
        (await CountAsync(db => db.LeadUnits.CountAsync())).Should().Be(units);
    }

    [Fact]
    public async Task Mapping_a_renamed_unit_links_its_tasks_to_the_existing_unit_and_creates_no_row()
    {
        var (bank, content) = Variant();
        var oldBank = await OldBankIdAsync();
        var lastAudit = await Portal.LastAuditIdAsync();

        var result = await Uploads.ImportAsync(Office, "jinan-2023.txt", content, new Dictionary<string, int> { [bank] = oldBank });

        result.Succeeded.Should().BeTrue(result.Message);
        (await CountAsync(db => db.LeadUnits.CountAsync(u => u.Name == bank))).Should().Be(0);
        var linked = await Portal.WithDbAsync(db => db.PlanTasks.Where(t => t.PlanId == result.PlanId)
            .Select(t => new
            {
                t.Number,
                Lead = t.LeadUnits.Select(l => l.LeadUnitId).ToList(),
                Supporting = t.SupportingUnits.Select(s => s.LeadUnitId).ToList(),
            }).ToListAsync());
        linked.Should().HaveCount(24);
        linked.Where(t => t.Lead.Contains(oldBank)).Select(t => t.Number).Should().BeEquivalentTo([6, 8]);
        linked.Where(t => t.Supporting.Contains(oldBank)).Select(t => t.Number).Should().BeEquivalentTo([7]);
        linked.Single(t => t.Number == 13).Supporting.Should().HaveCount(3);

        var audit = await Portal.AuditSinceAsync(lastAudit);
        audit.Should().ContainSingle(a => a.Action == AuditNames.Of(AuditAction.ImportPlan)).Which.Should().Match<AuditEntry>(a =>
            a.EntityKey == result.PlanId.ToString() && a.Actor == "office1" && a.Reason!.Contains($"“{bank}”对应现有单位“{OldBank}”"));
        var current = await Portal.Services.GetRequiredService<CurrentPlan>().GetAsync();
        current!.Id.Should().Be(result.PlanId!.Value, "the new plan shows at once, not after the cache's minute");
    }

    [Fact]
    public async Task A_file_already_imported_is_refused_at_preview_and_at_import_and_stores_nothing()
    {
        var (_, content) = Variant();
        (await Uploads.ImportAsync(Admin, "jinan.txt", content, new Dictionary<string, int>())).Succeeded.Should().BeTrue();
        var plans = await CountAsync(db => db.Plans.CountAsync());
        var lastAudit = await Portal.LastAuditIdAsync();

        var preview = await Uploads.PreviewAsync(Office, "again.txt", content);
        var import = await Uploads.ImportAsync(Office, "again.txt", content, new Dictionary<string, int>());

        preview.Preview.Should().BeNull();
        preview.Error.Should().Contain("该文件已导入过");
        import.Succeeded.Should().BeFalse();
        import.Message.Should().Contain("已导入过");
        (await CountAsync(db => db.Plans.CountAsync())).Should().Be(plans);
        (await Portal.AuditSinceAsync(lastAudit)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_malformed_file_reports_its_line_and_stores_nothing()
    {
        var (_, content) = Variant();
        // Task 7 written as 9: numbering must run 1, 2, 3 …
        var broken = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(content).Replace("\n7. 深化", "\n9. 深化"));
        var plans = await CountAsync(db => db.Plans.CountAsync());
        var units = await CountAsync(db => db.LeadUnits.CountAsync());

        var preview = await Uploads.PreviewAsync(Office, "broken.txt", broken);
        var import = await Uploads.ImportAsync(Office, "broken.txt", broken, new Dictionary<string, int>());

        preview.ErrorLine.Should().Be(31);
        preview.Error.Should().StartWith("第 31 行：任务编号不连续").And.EndWith("未导入任何内容。");
        import.Succeeded.Should().BeFalse();
        import.Message.Should().Contain("第 31 行");
        (await Uploads.PreviewAsync(Office, "plan.docx", content)).Error.Should().Contain("不是 .txt 文本文件");
        (await Uploads.PreviewAsync(Office, "gbk.txt", [0xBC, 0xC3, 0xC4, 0xCF])).Error.Should().Contain("不是 UTF-8");
        (await CountAsync(db => db.Plans.CountAsync())).Should().Be(plans);
        (await CountAsync(db => db.LeadUnits.CountAsync())).Should().Be(units);
    }

    [Fact]
    public async Task Leadership_and_units_may_neither_preview_nor_import()
    {
        var (_, content) = Variant();
        var unit = new AccessScope("unit1", false, await OldBankIdAsync(), false, false);
        var plans = await CountAsync(db => db.Plans.CountAsync());

        foreach (var scope in new[] { Leadership, unit, AccessScope.Nobody })
        {
            (await Uploads.PreviewAsync(scope, "jinan.txt", content)).Error.Should().Contain("只有省营转办和系统管理员");
            (await Uploads.ImportAsync(scope, "jinan.txt", content, new Dictionary<string, int>())).Succeeded.Should().BeFalse();
        }

        (await CountAsync(db => db.Plans.CountAsync())).Should().Be(plans);
    }

    [Fact]
    public async Task The_upload_page_opens_for_the_office_and_refuses_leadership()
    {
        await EnsureUserAsync("uploadleader", Roles.Leadership);
        using var leader = await Portal.ClientAsync("uploadleader");

        var office = await fixture.Client.GetAsync("/plans/upload");
        var refused = await leader.GetAsync("/plans/upload");

        office.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        (await office.Content.ReadAsStringAsync()).Should().Contain("上传计划").And.Contain("plan-file");
        refused.StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect);
        refused.Headers.Location!.OriginalString.Should().Contain("access-denied");
    }

    [Fact]
    public async Task A_supporting_unit_reads_its_tasks_marked_but_cannot_report_extend_or_reply()
    {
        var (bank, content) = Variant();
        var imported = await Uploads.ImportAsync(Office, "jinan.txt", content, new Dictionary<string, int> { [bank] = await OldBankIdAsync() });
        imported.Succeeded.Should().BeTrue(imported.Message);
        var planId = imported.PlanId!.Value;
        // 济南海关 leads tasks 16 and 17 of the 2023 plan and supports 3, 18 and 19.
        var customs = await Portal.WithDbAsync(db => db.LeadUnits.Where(u => u.Name == "济南海关").Select(u => u.Id).SingleAsync());
        var scope = new AccessScope("customs", false, customs, false, false);
        var queries = Portal.Services.GetRequiredService<TaskQueries>();

        var list = await queries.ListAsync(scope, planId, TaskListQuery.All with { PageSize = 100 });
        var task18 = await queries.GetAsync(scope, planId, 18);
        var task16 = await queries.GetAsync(scope, planId, 16);

        list.Rows.Select(r => (r.Number, r.SupportingOnly)).Should().Equal((3, true), (16, false), (17, false), (18, true), (19, true));
        task18!.ViewerSupportsOnly.Should().BeTrue();
        task18.SupportingUnits.Should().Equal("市财政局", "济南海关");
        task16!.ViewerSupportsOnly.Should().BeFalse();
        (await queries.GetAsync(scope, planId, 1)).Should().BeNull("济南海关 is not named in task 1");

        var report = await Portal.Services.GetRequiredService<ProgressReports>()
            .SaveAsync(scope, planId, new ReportInput(null, 18, "配合单位试图报送", 50, null, null, [], []), submit: true);
        var milestone = await Portal.WithDbAsync(db => db.Milestones.Where(m => m.PlanTask.PlanId == planId && m.PlanTask.Number == 18).Select(m => m.Id).FirstAsync());
        var extension = await Portal.Services.GetRequiredService<DeadlineExtensions>()
            .RequestAsync(scope, milestone, new ExtensionInput { RequestedDue = new DateTime(2024, 3, 31), Reason = "配合单位试图申请延期。" });
        var taskId = await Portal.WithDbAsync(db => db.PlanTasks.Where(t => t.PlanId == planId && t.Number == 18).Select(t => t.Id).SingleAsync());
        var slips = Portal.Services.GetRequiredService<SupervisionSlips>();
        var today = Portal.Services.GetRequiredService<PortalClock>().Today;
        var slip = await slips.IssueAsync(Office, taskId, new SlipInput { Matter = "请加快推进海外仓建设。", ReplyBy = today.AddDays(10).ToDateTime(TimeOnly.MinValue) });
        slip.Succeeded.Should().BeTrue(slip.Message);
        var reply = await slips.ReplyAsync(scope, slip.SlipId!.Value, new SlipReplyInput("配合单位试图反馈", "无", []));

        report.Succeeded.Should().BeFalse();
        extension.Succeeded.Should().BeFalse();
        reply.Succeeded.Should().BeFalse();
        (await Portal.WithDbAsync(db => db.ProgressReports.CountAsync(r => r.PlanTaskId == taskId))).Should().Be(0);
        (await Portal.WithDbAsync(db => db.ExtensionRequests.CountAsync(r => r.MilestoneId == milestone))).Should().Be(0);
        (await Portal.WithDbAsync(db => db.SlipRecipients.CountAsync(r => r.SlipId == slip.SlipId && r.RepliedAt != null))).Should().Be(0);

        await EnsureUserAsync("customsunit", Roles.LeadUnit, "济南海关");
        using var client = await Portal.ClientAsync("customsunit");
        var page = await client.GetStringAsync("/tasks/18");
        var tasks = await client.GetStringAsync("/tasks");
        page.Should().Contain("本单位是该任务的配合单位").And.Contain("配合单位").And.NotContain("新建报送").And.NotContain("申请延期");
        tasks.Should().Contain("supporting-marker");
    }

    private async Task EnsureUserAsync(string userName, string role, string? unit = null)
    {
        if (!await Portal.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == userName)))
        {
            await Portal.CreateUserAsync(userName, role, unit);
        }
    }
}

public sealed class SqlitePlanUploadTests(SqlitePortal fixture) : PlanUploadTests(fixture), IClassFixture<SqlitePortal>;

public sealed class PostgresPlanUploadTests(PostgresPortal fixture) : PlanUploadTests(fixture), IClassFixture<PostgresPortal>;
