using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Api;
using ActionPlan.Web.Features.Rules;
using ActionPlan.Web.Features.Tasks;
using ActionPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ActionPlan.IntegrationTests;

/// <summary>
/// The REST API with personal tokens: each role's token reads what that role reads, errors are problem
/// details and never a redirect, refused tokens are 401, lists page and filter like 任务清单, the OpenAPI
/// document lists only the API, and each token has its own request limit.
/// </summary>
public abstract class ApiTests(PortalFixture fixture)
{
    // As in AccessTests: 省市场监管局 (A) names tasks 1 and 8; 国网山东省电力公司 (C) task 25; task 61 names no unit.
    private const string UnitA = "省市场监管局";
    private const string UnitC = "国网山东省电力公司";
    private const string ProblemJson = "application/problem+json";

    private static readonly string[] Users = ["apiadmin", "apioffice", "apileader", "apiunitA"];

    private PortalFactory Portal => fixture.Portal;

    private async Task EnsureUsersAsync()
    {
        if (await Portal.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "apiunitA")))
        {
            return;
        }

        await Portal.CreateUserAsync("apiadmin", Roles.Admin);
        await Portal.CreateUserAsync("apioffice", Roles.Office);
        await Portal.CreateUserAsync("apileader", Roles.Leadership);
        await Portal.CreateUserAsync("apiunitA", Roles.LeadUnit, UnitA);
        await Portal.CreateUserAsync("apiunitC", Roles.LeadUnit, UnitC);
    }

    private static AccessScope Owner(string userName) => new(userName, false, null, false, false);

    private async Task<string> TokenAsync(string userName, DateOnly? expiresOn = null)
    {
        await EnsureUsersAsync();
        var created = await Portal.Services.GetRequiredService<ApiTokenService>().CreateAsync(Owner(userName), "测试令牌", expiresOn);
        created.Problem.Should().BeNull();
        return created.Token!;
    }

    private static HttpClient ClientWith(PortalFactory portal, string? token)
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(expected, body);
        response.Headers.Location.Should().BeNull("the API never redirects");
        response.Content.Headers.ContentType!.MediaType.Should().Be(expected == HttpStatusCode.OK ? "application/json" : ProblemJson, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private Task<int> PlanIdAsync() => Portal.WithDbAsync(db => db.Plans.Select(p => p.Id).SingleAsync());

    private Task<int> TaskIdAsync(int number) => Portal.WithDbAsync(db => db.PlanTasks.Where(t => t.Number == number).Select(t => t.Id).SingleAsync());

    [Fact]
    public async Task Each_roles_token_reads_the_tasks_that_role_sees()
    {
        var planId = await PlanIdAsync();
        var all = await Portal.WithDbAsync(db => db.PlanTasks.CountAsync());
        var ofA = await Portal.WithDbAsync(db => db.PlanTasks.CountAsync(t => t.LeadUnits.Any(l => l.LeadUnit.Name == UnitA)));
        var taskOfC = await TaskIdAsync(25);
        var taskWithoutUnit = await TaskIdAsync(61);
        var taskOfA = await TaskIdAsync(1);

        foreach (var user in Users)
        {
            using var client = ClientWith(Portal, await TokenAsync(user));
            var unit = user == "apiunitA";

            var plans = await JsonAsync(await client.GetAsync("/api/v1/plans"));
            plans.GetArrayLength().Should().Be(1);
            plans[0].GetProperty("id").GetInt32().Should().Be(planId);
            plans[0].GetProperty("tasks").GetInt32().Should().Be(unit ? ofA : all, user);

            var page = await JsonAsync(await client.GetAsync($"/api/v1/plans/{planId}/tasks?pageSize=200"));
            page.GetProperty("total").GetInt32().Should().Be(unit ? ofA : all, user);
            var items = page.GetProperty("items").EnumerateArray().ToList();
            items.Should().HaveCount(unit ? ofA : all);
            if (unit)
            {
                items.Should().OnlyContain(t => t.GetProperty("leadUnits").EnumerateArray().Any(u => u.GetString() == UnitA));
            }

            (await client.GetAsync($"/api/v1/tasks/{taskOfC}")).StatusCode.Should().Be(unit ? HttpStatusCode.NotFound : HttpStatusCode.OK, user);
            var hidden = await client.GetAsync($"/api/v1/tasks/{taskWithoutUnit}");
            if (unit)
            {
                var problem = await JsonAsync(hidden, HttpStatusCode.NotFound);
                problem.GetProperty("status").GetInt32().Should().Be(404);
            }
            else
            {
                hidden.StatusCode.Should().Be(HttpStatusCode.OK);
            }

            var own = await JsonAsync(await client.GetAsync($"/api/v1/tasks/{taskOfA}"));
            own.GetProperty("number").GetInt32().Should().Be(1);
            own.GetProperty("leadUnits")[0].GetString().Should().Be(UnitA);

            var domains = await JsonAsync(await client.GetAsync($"/api/v1/plans/{planId}/domains"));
            domains.GetArrayLength().Should().Be(19);
            domains.EnumerateArray().Sum(d => d.GetProperty("tasks").GetInt32()).Should().Be(unit ? ofA : all);

            var figures = await JsonAsync(await client.GetAsync($"/api/v1/plans/{planId}/figures"));
            figures.GetProperty("tasks").GetProperty("total").GetInt32().Should().Be(unit ? ofA : all, user);
        }
    }

    [Fact]
    public async Task A_task_carries_its_lead_units_milestones_with_their_state_status_and_progress()
    {
        using var client = ClientWith(Portal, await TokenAsync("apioffice"));
        var id = await TaskIdAsync(12);

        var task = await JsonAsync(await client.GetAsync($"/api/v1/tasks/{id}"));

        task.GetProperty("title").GetString().Should().Be("完善土地供应前基础配套设施");
        task.GetProperty("leadUnits").EnumerateArray().Select(u => u.GetString()).Should().Equal("省自然资源厅", "省住房城乡建设厅");
        task.GetProperty("status").GetString().Should().Be("notStarted");
        task.GetProperty("progress").GetInt32().Should().Be(0);
        var milestone = task.GetProperty("milestones")[0];
        milestone.GetProperty("due").GetString().Should().Be("2022-11-30");
        milestone.GetProperty("isDone").GetBoolean().Should().BeFalse();
        // The tests run on the real date, long after 2022: an open milestone of 2022 is overdue.
        milestone.GetProperty("state").GetString().Should().Be("overdue");
        task.GetProperty("warning").GetString().Should().Be("overdue");
    }

    [Fact]
    public async Task Without_a_valid_token_the_api_answers_401_problem_details_and_never_redirects()
    {
        var planId = await PlanIdAsync();
        using var anonymous = ClientWith(Portal, null);
        foreach (var url in new[] { "/api/v1/plans", $"/api/v1/plans/{planId}/tasks", "/api/v1/tasks/1", "/api/v1/nothing-here", "/api" })
        {
            var response = await anonymous.GetAsync(url);
            var problem = await JsonAsync(response, HttpStatusCode.Unauthorized);
            problem.GetProperty("status").GetInt32().Should().Be(401, url);
            response.Headers.WwwAuthenticate.ToString().Should().StartWith("Bearer");
        }

        // A signed-in browser session is not an API credential.
        await JsonAsync(await fixture.Client.GetAsync("/api/v1/plans"), HttpStatusCode.Unauthorized);

        using var forged = ClientWith(Portal, "ap_" + new string('x', 43));
        var refused = await JsonAsync(await forged.GetAsync("/api/v1/plans"), HttpStatusCode.Unauthorized);
        refused.GetProperty("detail").GetString().Should().Contain("令牌无效");

        using var malformed = ClientWith(Portal, "not-a-token");
        await JsonAsync(await malformed.GetAsync("/api/v1/plans"), HttpStatusCode.Unauthorized);

        // With a token, an unknown path is 404 and another method 405, both problem details.
        using var client = ClientWith(Portal, await TokenAsync("apioffice"));
        await JsonAsync(await client.GetAsync("/api/v1/nothing-here"), HttpStatusCode.NotFound);
        await JsonAsync(await client.GetAsync($"/api/v1/plans/{planId + 1000}/tasks"), HttpStatusCode.NotFound);
        await JsonAsync(await client.PostAsync("/api/v1/plans", new StringContent("")), HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Revoked_expired_and_disabled_or_locked_owners_tokens_are_refused()
    {
        var service = Portal.Services.GetRequiredService<ApiTokenService>();

        var revoked = await TokenAsync("apileader");
        using (var client = ClientWith(Portal, revoked))
        {
            (await client.GetAsync("/api/v1/plans")).StatusCode.Should().Be(HttpStatusCode.OK);
            var id = (await service.ListAsync(Owner("apileader"))).First().Id;
            (await service.RevokeAsync(Owner("apioffice"), id)).Should().BeFalse("only the owner revokes a token");
            (await service.RevokeAsync(Owner("apileader"), id)).Should().BeTrue();
            var problem = await JsonAsync(await client.GetAsync("/api/v1/plans"), HttpStatusCode.Unauthorized);
            problem.GetProperty("detail").GetString().Should().Contain("已撤销");
        }

        var expired = await TokenAsync("apileader", service.Today);
        var hash = ApiTokenFormat.Hash(expired);
        await Portal.WithDbAsync(db => db.ApiTokens.Where(t => t.Hash == hash).ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));
        using (var client = ClientWith(Portal, expired))
        {
            var problem = await JsonAsync(await client.GetAsync("/api/v1/plans"), HttpStatusCode.Unauthorized);
            problem.GetProperty("detail").GetString().Should().Contain("已过期");
        }

        await Portal.CreateUserAsync("apitemp", Roles.Office);
        var owned = await TokenAsync("apitemp");
        using (var client = ClientWith(Portal, owned))
        {
            (await client.GetAsync("/api/v1/plans")).StatusCode.Should().Be(HttpStatusCode.OK);
            await Portal.WithDbAsync(db => db.Users.Where(u => u.UserName == "apitemp").ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, DateTimeOffset.UtcNow.AddMinutes(15))));
            (await JsonAsync(await client.GetAsync("/api/v1/plans"), HttpStatusCode.Unauthorized)).GetProperty("detail").GetString().Should().Contain("已锁定");
            await Portal.WithDbAsync(db => db.Users.Where(u => u.UserName == "apitemp")
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, (DateTimeOffset?)null).SetProperty(u => u.IsDisabled, true)));
            (await JsonAsync(await client.GetAsync("/api/v1/plans"), HttpStatusCode.Unauthorized)).GetProperty("detail").GetString().Should().Contain("已停用");
        }

        (await service.CreateAsync(Owner("apitemp"), "再来一个", null)).Succeeded.Should().BeFalse("a disabled account creates no token");
    }

    [Fact]
    public async Task An_account_without_a_portal_role_gets_403()
    {
        await EnsureUsersAsync();
        if (!await Portal.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "apinorole")))
        {
            await using var scope = Portal.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            (await users.CreateAsync(new AppUser { UserName = "apinorole" }, PortalFactory.Password)).Succeeded.Should().BeTrue();
        }

        using var client = ClientWith(Portal, await TokenAsync("apinorole"));
        var problem = await JsonAsync(await client.GetAsync("/api/v1/plans"), HttpStatusCode.Forbidden);
        problem.GetProperty("status").GetInt32().Should().Be(403);
    }

    [Fact]
    public async Task Paging_and_filters_return_the_counts_the_database_and_the_task_list_give()
    {
        var planId = await PlanIdAsync();
        using var client = ClientWith(Portal, await TokenAsync("apioffice"));
        var all = await Portal.WithDbAsync(db => db.PlanTasks.CountAsync());

        var second = await JsonAsync(await client.GetAsync($"/api/v1/plans/{planId}/tasks?page=2&pageSize=7"));
        second.GetProperty("total").GetInt32().Should().Be(all);
        second.GetProperty("page").GetInt32().Should().Be(2);
        second.GetProperty("pageSize").GetInt32().Should().Be(7);
        second.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("number").GetInt32()).Should().Equal(Enumerable.Range(8, 7));

        var lastPage = (all + 49) / 50;
        var last = await JsonAsync(await client.GetAsync($"/api/v1/plans/{planId}/tasks?page={lastPage}"));
        last.GetProperty("items").GetArrayLength().Should().Be(all - (lastPage - 1) * 50);
        var beyond = await JsonAsync(await client.GetAsync($"/api/v1/plans/{planId}/tasks?page={lastPage + 1}"));
        beyond.GetProperty("items").GetArrayLength().Should().Be(0);
        beyond.GetProperty("total").GetInt32().Should().Be(all);

        var inDomain2 = await Portal.WithDbAsync(db => db.PlanTasks.CountAsync(t => t.Domain.Number == 2));
        var domain = await JsonAsync(await client.GetAsync($"/api/v1/plans/{planId}/tasks?domain=2&sort=number&dir=desc&pageSize=5"));
        domain.GetProperty("total").GetInt32().Should().Be(inDomain2);
        domain.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("number").GetInt32()).Should().Equal(22, 21, 20, 19, 18);

        var ofUnit = await Portal.WithDbAsync(db => db.PlanTasks.CountAsync(t => t.LeadUnits.Any(l => l.LeadUnit.Name == UnitC)));
        (await JsonAsync(await client.GetAsync($"/api/v1/plans/{planId}/tasks?unit={Uri.EscapeDataString(UnitC)}"))).GetProperty("total").GetInt32().Should().Be(ofUnit);
        var withoutUnit = await Portal.WithDbAsync(db => db.PlanTasks.CountAsync(t => !t.LeadUnits.Any()));
        (await JsonAsync(await client.GetAsync($"/api/v1/plans/{planId}/tasks?unit={Uri.EscapeDataString(TaskListQuery.NoUnit)}"))).GetProperty("total").GetInt32().Should().Be(withoutUnit);

        var search = await Portal.WithDbAsync(db => db.PlanTasks.CountAsync(t => t.Title.Contains("企业") || t.Text.Contains("企业")));
        (await JsonAsync(await client.GetAsync($"/api/v1/plans/{planId}/tasks?q={Uri.EscapeDataString("企业")}"))).GetProperty("total").GetInt32().Should().Be(search);

        // Warning levels and milestone states count as 任务清单 counts them.
        var queries = Portal.Services.GetRequiredService<TaskQueries>();
        var office = new AccessScope("apioffice", true, null, true, false);
        foreach (var (parameter, query) in new[]
        {
            ("level=overdue", new TaskListQuery { Level = WarningLevel.Overdue }),
            ("level=onTrack", new TaskListQuery { Level = WarningLevel.OnTrack }),
            ("status=notStarted", new TaskListQuery { Status = PlanTaskStatus.NotStarted }),
            ("milestone=overdue&month=2022-09", new TaskListQuery { Milestone = MilestoneState.Overdue, Month = new DateOnly(2022, 9, 1) }),
        })
        {
            var expected = (await queries.ListAsync(office, planId, query with { PageSize = 10 })).Total;
            var answer = await JsonAsync(await client.GetAsync($"/api/v1/plans/{planId}/tasks?{parameter}"));
            answer.GetProperty("total").GetInt32().Should().Be(expected, parameter);
        }

        var invalid = await JsonAsync(await client.GetAsync($"/api/v1/plans/{planId}/tasks?pageSize=201&status=busy&page=0"), HttpStatusCode.BadRequest);
        invalid.GetProperty("errors").GetProperty("pageSize")[0].GetString().Should().Contain("200");
        invalid.GetProperty("errors").GetProperty("status")[0].GetString().Should().Contain("状态");
        invalid.GetProperty("errors").GetProperty("page")[0].GetString().Should().Contain("页码");
        await JsonAsync(await client.GetAsync($"/api/v1/plans/{planId}/tasks?status=1"), HttpStatusCode.BadRequest);
        await JsonAsync(await client.GetAsync($"/api/v1/plans/{planId}/figures?asOf=2999-01-01"), HttpStatusCode.BadRequest);
        var past = await JsonAsync(await client.GetAsync($"/api/v1/plans/{planId}/figures?asOf=2022-05-31"));
        past.GetProperty("asOf").GetString().Should().Be("2022-05-31");
    }

    [Fact]
    public async Task A_page_costs_the_same_round_trips_whatever_its_size()
    {
        var planId = await PlanIdAsync();
        using var client = ClientWith(Portal, await TokenAsync("apioffice"));
        (await client.GetAsync("/api/v1/plans")).StatusCode.Should().Be(HttpStatusCode.OK, "the first use records the token's last use");

        async Task<int> CountAsync(string url)
        {
            var before = Portal.Commands.Count;
            (await client.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.OK);
            return Portal.Commands.Count - before;
        }

        var small = await CountAsync($"/api/v1/plans/{planId}/tasks?pageSize=5");
        var large = await CountAsync($"/api/v1/plans/{planId}/tasks?pageSize=200&level=overdue");
        small.Should().Be(large);
        small.Should().BeLessThanOrEqualTo(3, "the token, the count, the page");
        (await CountAsync($"/api/v1/plans/{planId}/domains")).Should().BeLessThanOrEqualTo(2);
        (await CountAsync("/api/v1/plans")).Should().BeLessThanOrEqualTo(2);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_api_paths_only_and_the_bearer_scheme()
    {
        using var anonymous = ClientWith(Portal, null);
        var response = await anonymous.GetAsync(ApiEndpoints.OpenApiPath);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        document.GetProperty("openapi").GetString().Should().StartWith("3.");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.Should().BeEquivalentTo(
            "/api/v1/plans", "/api/v1/plans/{planId}/domains", "/api/v1/plans/{planId}/tasks", "/api/v1/plans/{planId}/figures", "/api/v1/tasks/{id}");
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty(ApiDocumentTransformer.SchemeName);
        scheme.GetProperty("type").GetString().Should().Be("http");
        scheme.GetProperty("scheme").GetString().Should().Be("bearer");
        document.GetProperty("security")[0].TryGetProperty(ApiDocumentTransformer.SchemeName, out _).Should().BeTrue();
        var parameters = document.GetProperty("paths").GetProperty("/api/v1/plans/{planId}/tasks").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        parameters.Should().Contain(["planId", "domain", "status", "unit", "level", "q", "page", "pageSize"]);
        var task = document.GetProperty("components").GetProperty("schemas").GetProperty("ApiTask").GetProperty("properties");
        task.GetProperty("number").GetProperty("type").GetString().Should().Be("integer");
        document.GetProperty("components").GetProperty("schemas").GetProperty("PlanTaskStatus").GetProperty("enum").EnumerateArray().Select(e => e.GetString())
            .Should().Equal("notStarted", "inProgress", "completed", "suspended");
    }

    [Fact]
    public async Task Only_the_hash_of_a_token_is_stored_and_creating_and_revoking_are_audited()
    {
        await EnsureUsersAsync();
        var lastAudit = await Portal.LastAuditIdAsync();
        var service = Portal.Services.GetRequiredService<ApiTokenService>();
        var created = await service.CreateAsync(Owner("apiunitA"), "  周报脚本  ", null);
        var token = created.Token!;
        token.Should().StartWith("ap_").And.HaveLength(ApiTokenFormat.Length);
        var secret = token[10..];

        var rows = await Portal.WithDbAsync(db => db.ApiTokens.AsNoTracking().Where(t => t.Id == created.View!.Id).ToListAsync());
        var row = rows.Single();
        row.Name.Should().Be("周报脚本");
        row.Hash.Should().Be(ApiTokenFormat.Hash(token)).And.HaveLength(64).And.NotContain(token[3..]);
        row.Prefix.Should().Be(token[..10]);
        new[] { row.Name, row.Prefix, row.Hash }.Should().NotContain(v => v.Contains(secret));

        (await service.RevokeAsync(Owner("apiunitA"), row.Id)).Should().BeTrue();
        var audit = await Portal.AuditSinceAsync(lastAudit);
        audit.Select(a => (a.Action, a.Actor, a.EntityType, a.EntityKey)).Should().Equal(
            ("CreateApiToken", "apiunitA", "ApiToken", row.Id.ToString()),
            ("RevokeApiToken", "apiunitA", "ApiToken", row.Id.ToString()));
        audit.Should().OnlyContain(a => !(a.NewValue ?? "").Contains(secret) && !(a.OldValue ?? "").Contains(secret));
        audit[0].NewValue.Should().Contain("周报脚本").And.Contain("长期有效");

        if (Portal.Database.Provider == DatabaseProvider.Sqlite)
        {
            // Nowhere in the database's files, journal included.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var folder = Path.GetDirectoryName(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(Portal.Database.ConnectionString).DataSource)!;
            foreach (var file in Directory.GetFiles(folder))
            {
                var bytes = await File.ReadAllBytesAsync(file);
                bytes.AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(secret)).Should().Be(-1, file);
            }
        }

        (await service.CreateAsync(Owner("apiunitA"), " ", null)).Problem.Should().Be("请填写令牌名称。");
        (await service.CreateAsync(Owner("apiunitA"), new string('名', 101), null)).Problem.Should().Contain("100");
        (await service.CreateAsync(Owner("apiunitA"), "昨天到期", service.Today.AddDays(-1))).Problem.Should().Be("有效期不能早于今天。");
    }
}

public sealed class SqliteApiTests(SqlitePortal fixture) : ApiTests(fixture), IClassFixture<SqlitePortal>;

public sealed class PostgresApiTests(PostgresPortal fixture) : ApiTests(fixture), IClassFixture<PostgresPortal>;

/// <summary>Each token has its own limit; past it, 429 problem details with Retry-After.</summary>
public abstract class ApiRateLimitTests(DatabaseProvider provider)
{
    [Fact]
    public async Task A_token_over_its_limit_gets_429_with_retry_after_while_another_token_still_works()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var portal = new PortalFactory(database)
        {
            Settings = { ["Api:RequestsPerMinute"] = "3", ["DeadlineWatch:Enabled"] = "false", ["Dashboard:Snapshots"] = "false" },
        };
        portal.CreateClient().Dispose();
        await portal.CreateUserAsync("limited", Roles.Leadership);
        var service = portal.Services.GetRequiredService<ApiTokenService>();
        var owner = new AccessScope("limited", false, null, false, false);
        var first = (await service.CreateAsync(owner, "一", null)).Token!;
        var second = (await service.CreateAsync(owner, "二", null)).Token!;

        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", first);
        for (var i = 0; i < 3; i++)
        {
            (await client.GetAsync("/api/v1/plans")).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var limited = await client.GetAsync("/api/v1/plans");
        limited.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        limited.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds.Should().BeInRange(1, 60);
        JsonDocument.Parse(await limited.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32().Should().Be(429);

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", second);
        (await client.GetAsync("/api/v1/plans")).StatusCode.Should().Be(HttpStatusCode.OK, "the limit is per token");
    }
}

public sealed class SqliteApiRateLimitTests() : ApiRateLimitTests(DatabaseProvider.Sqlite);

public sealed class PostgresApiRateLimitTests() : ApiRateLimitTests(DatabaseProvider.Postgres);
