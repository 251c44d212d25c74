using System.Net;
using ActionPlan.Data.Import;
using ActionPlan.PlanDocument;
using ActionPlan.Web.Features.Plans;
using ActionPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ActionPlan.IntegrationTests;

/// <summary>The portal started on a real database: migrations, seeding, pages, health, CLI. Runs once per provider.</summary>
public abstract class PortalTests(PortalFixture fixture)
{
    protected PortalFactory Portal => fixture.Portal;
    protected HttpClient Client => fixture.Client;
    protected DatabaseProvider Provider => fixture.Provider;

    private static readonly string SeedFile = Path.Combine(PortalFactory.SeedFolder, "shandong-2022-business-environment-action-plan.txt");

    [Fact]
    public async Task First_start_migrates_and_imports_the_seeded_plan()
    {
        var counts = await Portal.WithDbAsync(async db => new
        {
            Plans = await db.Plans.CountAsync(),
            Domains = await db.Domains.CountAsync(),
            Tasks = await db.PlanTasks.CountAsync(),
            Milestones = await db.Milestones.CountAsync(),
            Measures = await db.Measures.CountAsync(),
            NoUnit = await db.PlanTasks.CountAsync(t => !t.LeadUnits.Any()),
            Pending = (await db.Database.GetPendingMigrationsAsync()).Count(),
        });

        counts.Should().BeEquivalentTo(new { Plans = 1, Domains = 19, Tasks = 165, Milestones = 151, Measures = 4, NoUnit = 22, Pending = 0 });
    }

    [Fact]
    public async Task Model_has_no_change_without_a_migration()
    {
        var pending = await Portal.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges()));
        pending.Should().BeFalse($"every model change needs a migration in ActionPlan.Migrations.{Provider}");
    }

    [Fact]
    public async Task Lead_units_are_stored_once_and_shared()
    {
        var units = await Portal.WithDbAsync(db => db.LeadUnits.Select(u => u.Name).ToListAsync());
        units.Should().OnlyHaveUniqueItems().And.Contain(["省市场监管局", "各市政府", "青岛市政府"]);
        var task26 = await Portal.WithDbAsync(db => db.PlanTaskLeadUnits.Where(l => l.PlanTask.Number == 26)
            .OrderBy(l => l.Position).Select(l => l.LeadUnit.Name).ToListAsync());
        task26.Should().Equal("省发展改革委", "省财政厅", "省自然资源厅", "省住房城乡建设厅", "省能源局", "国网山东省电力公司", "各市政府");
    }

    [Fact]
    public async Task Export_prints_what_parse_prints()
    {
        var parsed = PlanJson.Serialize(PlanParser.Parse(await File.ReadAllBytesAsync(SeedFile)));
        var exported = await Portal.Services.GetRequiredService<PlanExporter>().ExportAsync();

        PlanJson.Serialize(exported!).Should().Be(parsed);
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing()
    {
        var importer = Portal.Services.GetRequiredService<PlanImporter>();
        var result = await importer.ImportAsync(new PlanSource("again.txt", await File.ReadAllBytesAsync(SeedFile)));

        result.Outcome.Should().Be(ImportOutcome.AlreadyImported);
        (await Portal.WithDbAsync(db => db.PlanTasks.CountAsync())).Should().Be(165);
        (await Portal.WithDbAsync(db => db.Plans.CountAsync())).Should().Be(1);
    }

    [Fact]
    public async Task Plan_import_verb_reports_an_already_imported_file_and_export_verb_prints_json()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var import = PlanCommand.TryParse(["plan", "import", SeedFile])!;
        (await import.RunWithDatabaseAsync(Portal.Services, output, error, CancellationToken.None)).Should().Be(0);
        output.ToString().Should().Contain("已导入过").And.Contain("未做任何改动");

        var json = new StringWriter();
        var export = PlanCommand.TryParse(["plan", "export", "--format", "json"])!;
        (await export.RunWithDatabaseAsync(Portal.Services, json, error, CancellationToken.None)).Should().Be(0);
        PlanJson.Deserialize(json.ToString()).Tasks.Should().HaveCount(165);
        error.ToString().Should().BeEmpty();
    }

    [Fact]
    public async Task Task_list_shows_all_165_tasks_with_the_first_page()
    {
        var html = await GetPageAsync("/tasks");

        html.Should().Contain("共 <b>165</b> 项任务");
        html.Should().Contain("提升设立登记便利度").And.Contain("省市场监管局").And.Contain("2022-09-30");
        html.Should().Contain("href=\"tasks/20\"").And.NotContain("href=\"tasks/21\"", "the first page holds 20 tasks");
    }

    [Theory]
    [InlineData("/tasks?domain=2", 14, "实施社会投资类项目“用地清单制”")]
    [InlineData("/tasks?unit=%E5%90%84%E5%B8%82%E6%94%BF%E5%BA%9C", 1, "降低办电成本")]
    [InlineData("/tasks?unit=%E6%97%A0%E7%89%B5%E5%A4%B4%E5%8D%95%E4%BD%8D", 22, "支持法院健全证券期货案件律师民事诉讼调查令制度")]
    [InlineData("/tasks?q=%E6%94%BF%E7%AD%96%E6%9C%89%E6%95%88%E6%9C%9F", 2, "支持高新技术企业发展")]
    [InlineData("/tasks?q=48", 1, "推动金融服务供给增量提质")]
    [InlineData("/tasks?domain=7&sort=deadline&dir=desc", 8, "强化数字化综合金融服务")]
    public async Task Task_list_filters_through_the_url(string url, int expected, string firstTitle)
    {
        var html = await GetPageAsync(url);

        html.Should().Contain($"筛选出 <b>{expected}</b> 项任务");
        var firstLink = html.IndexOf("data-testid=\"task-link\"", StringComparison.Ordinal);
        firstLink.Should().BePositive();
        html[firstLink..].Should().StartWith($"data-testid=\"task-link\"").And.Contain(firstTitle);
        html.IndexOf(firstTitle, firstLink, StringComparison.Ordinal).Should().BeLessThan(firstLink + 400, "the first row is that task");
    }

    [Fact]
    public async Task Task_list_says_why_it_is_empty()
    {
        var html = await GetPageAsync("/tasks?q=%E4%B8%8D%E5%AD%98%E5%9C%A8%E7%9A%84%E8%AF%8D");

        html.Should().Contain("筛选出 <b>0</b> 项任务").And.Contain("没有符合当前筛选条件的任务");
    }

    [Fact]
    public async Task Task_list_pages_and_sorts_on_the_server()
    {
        var html = await GetPageAsync("/tasks?sort=number&dir=desc&size=10&page=2");

        html.Should().Contain("href=\"tasks/155\"").And.Contain("href=\"tasks/146\"").And.NotContain("href=\"tasks/156\"").And.NotContain("href=\"tasks/145\"");
        html.Should().Contain("第 11–20 项，共 165 项");
    }

    [Fact]
    public async Task Task_detail_shows_text_units_and_every_milestone_with_its_clause()
    {
        var html = await GetPageAsync("/tasks/109");

        html.Should().Contain("推进电子证照应用").And.Contain("省大数据局").And.Contain("省政府办公厅");
        html.Should().Contain("2022-04-30").And.Contain("印发全省免证明基本任务清单");
        html.Should().Contain("2022-06-30").And.Contain("发布首批免证明事项清单");
        html.Should().Contain("2022-12-31").And.Contain("时间节点</b>（3 个）");
    }

    [Fact]
    public async Task Task_detail_of_a_task_without_named_unit_shows_the_responsibility_note()
    {
        var html = await GetPageAsync("/tasks/61");

        html.Should().Contain("计划未指定牵头单位（省有关部门单位按照职责分工负责）");
        html.Should().Contain("计划原文未写明时间节点");
    }

    [Fact]
    public async Task Task_detail_keeps_policy_dates_apart_from_milestones()
    {
        var html = await GetPageAsync("/tasks/153");

        html.Should().Contain("政策有效期").And.Contain("2025年12月31日").And.Contain("时间节点</b>（0 个）");
    }

    [Fact]
    public async Task Unknown_task_is_not_found()
    {
        var response = await Client.GetAsync("/tasks/999");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().Contain("未找到您要访问的内容");
    }

    [Theory]
    [InlineData("/tasks")]
    [InlineData("/tasks?domain=3&sort=deadline")]
    [InlineData("/tasks?size=100")]
    [InlineData("/tasks/48")]
    [InlineData("/dashboard")]
    [InlineData("/alerts")]
    public async Task Page_renders_with_at_most_five_database_round_trips(string url)
    {
        var before = Portal.Commands.Count;
        var response = await Client.GetAsync(url);
        var used = Portal.Commands.Count - before;

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        used.Should().BeInRange(1, 5, Portal.Commands.TextsAfter(before));
    }

    [Fact]
    public async Task Dashboard_without_a_round_says_so_and_sends_the_office_to_open_one()
    {
        var html = await GetPageAsync("/dashboard");

        html.Should().Contain("报送与督办").And.Contain("暂无调度轮次").And.Contain("<a href=\"rounds\">到调度轮次开启一轮</a>");
    }

    [Fact]
    public async Task Health_endpoints_answer()
    {
        (await Client.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Client.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    protected async Task<string> GetPageAsync(string url)
    {
        var response = await Client.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Replace("<!--!-->", "");
    }
}

public sealed class SqlitePortalTests(SqlitePortal fixture) : PortalTests(fixture), IClassFixture<SqlitePortal>;

public sealed class PostgresPortalTests(PostgresPortal fixture) : PortalTests(fixture), IClassFixture<PostgresPortal>;
