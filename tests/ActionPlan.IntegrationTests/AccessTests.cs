using System.Net;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Tasks;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ActionPlan.IntegrationTests;

public enum Access
{
    Allowed,
    SignIn,
    Denied,
    NotFound,

    /// <summary>401 without a redirect: the REST API takes bearer tokens only, so a sign-in cookie does not count there.</summary>
    Unauthorized,
}

/// <summary>
/// Who may open what. The routes come from the app's own endpoint table, so a page added without an
/// entry here fails the matrix instead of being forgotten.
/// </summary>
public abstract partial class AccessTests(PortalFixture fixture)
{
    [System.Text.RegularExpressions.GeneratedRegex(@"\{[^}]+\}")]
    private static partial System.Text.RegularExpressions.Regex RouteParameter();

    // 省市场监管局 (A) and 省发展改革委 (B) share task 8; 国网山东省电力公司 (C) shares no task with A.
    private const string UnitA = "省市场监管局";
    private const string UnitB = "省发展改革委";
    private const string UnitC = "国网山东省电力公司";
    private const int TaskOfA = 1;
    private const int TaskOfAAndB = 8;
    private const int TaskOfC = 25;
    private const int TaskWithoutUnit = 61;
    private const int MissingTask = 999;

    private static readonly string[] Users = ["anonymous", "admin2", "office2", "leader2", "unitA", "unitB", "unitC"];

    private PortalFactory Portal => fixture.Portal;

    private static async Task EnsureUsersAsync(PortalFactory portal)
    {
        if (await portal.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "unitA")))
        {
            return;
        }

        await portal.CreateUserAsync("admin2", Roles.Admin);
        await portal.CreateUserAsync("office2", Roles.Office);
        await portal.CreateUserAsync("leader2", Roles.Leadership);
        await portal.CreateUserAsync("unitA", Roles.LeadUnit, UnitA);
        await portal.CreateUserAsync("unitB", Roles.LeadUnit, UnitB);
        await portal.CreateUserAsync("unitC", Roles.LeadUnit, UnitC);
    }

    /// <summary>The expected outcome of GET <paramref name="route"/> (with its task number, if any) for a user.</summary>
    private static Access Expect(string route, string user, int? task) => route switch
    {
        "/account/login" or "/account/access-denied" or "/not-found" or "/Error" or "/health/live" or "/health/ready" => Access.Allowed,
        // Every signed-in session and anonymous alike: /api/v1 answers 401 to anything but a bearer token (ApiTests covers tokens).
        _ when route.StartsWith("/api/v1/", StringComparison.Ordinal) => Access.Unauthorized,
        _ when user == "anonymous" => Access.SignIn,
        "/account/change-password" => Access.Allowed,
        "/admin/users" or "/admin/channels" => user == "admin2" ? Access.Allowed : Access.Denied,
        "/plans/upload" => user is "admin2" or "office2" ? Access.Allowed : Access.Denied,
        "/" or "/tasks" => Access.Allowed,
        "/reviews" or "/alerts" or "/rounds" => user.StartsWith("unit", StringComparison.Ordinal) ? Access.Denied : Access.Allowed,
        "/rounds/{Id:int}" => user.StartsWith("unit", StringComparison.Ordinal) ? Access.Denied : Access.NotFound,
        "/my-round" => user.StartsWith("unit", StringComparison.Ordinal) ? Access.Allowed : Access.Denied,
        "/notifications" or "/tasks/ledger.xlsx" or "/dashboard" or "/dispatch" or "/extensions" => Access.Allowed,
        "/reviews/{Id:int}" => user.StartsWith("unit", StringComparison.Ordinal) ? Access.Denied : Access.NotFound,
        "/attachments/{id:int}" => Access.NotFound,
        "/slips" => Access.Allowed,
        // 计划管理 and 年度对比 are for the office, admins and leadership; units work in the plan their address names.
        "/plans" or "/plans/compare" => user.StartsWith("unit", StringComparison.Ordinal) ? Access.Denied : Access.Allowed,
        // Issued 调度通报 cover every unit: units may not read them.
        "/dispatch/issued" => user.StartsWith("unit", StringComparison.Ordinal) ? Access.Denied : Access.Allowed,
        "/dispatch/issued/{Issue:int}" or "/dispatch/issued/{number:int}/docx" or "/dispatch/issued/{number:int}/xlsx" =>
            user.StartsWith("unit", StringComparison.Ordinal) ? Access.Denied : Access.NotFound,
        "/slips/{Id:int}" or "/slips/attachments/{id:int}" => Access.NotFound,
        "/tasks/{Number:int}" => TaskVisible(user, task!.Value) ? Access.Allowed : Access.NotFound,
        _ => throw new InvalidOperationException($"Route {route} is not in the access matrix: add what each role may do there."),
    };

    private static bool TaskVisible(string user, int task) => task != MissingTask && user switch
    {
        "admin2" or "office2" or "leader2" => true,
        "unitA" => task is TaskOfA or TaskOfAAndB,
        "unitB" => task is TaskOfAAndB,
        "unitC" => task is TaskOfC,
        _ => false,
    };

    [Fact]
    public async Task Every_routable_page_and_endpoint_answers_each_role_as_the_matrix_says()
    {
        await EnsureUsersAsync(Portal);
        (await Portal.WithDbAsync(db => db.PlanTasks.CountAsync(t => t.LeadUnits.Any(l => l.LeadUnit.Name == UnitA) && t.LeadUnits.Any(l => l.LeadUnit.Name == UnitC))))
            .Should().Be(0, "unit C must share no task with unit A for this matrix");

        var routes = Routes(Portal);
        routes.Should().Contain(["/tasks", "/tasks/{Number:int}", "/admin/users", "/admin/channels", "/health/ready"]);

        var failures = new List<string>();
        foreach (var user in Users)
        {
            var client = await Portal.ClientAsync(user == "anonymous" ? null : user);
            foreach (var route in routes)
            {
                // Tasks are tried with each kind of task; other ids with one that does not exist.
                int?[] tasks = route.Contains("{Number:int}") ? [TaskOfA, TaskOfAAndB, TaskOfC, TaskWithoutUnit, MissingTask] : route.Contains('{') ? [MissingTask] : [null];
                foreach (var task in tasks)
                {
                    var url = task is null ? route : RouteParameter().Replace(route, task.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    var expected = Expect(route, user, task);
                    var actual = Classify(await client.GetAsync(url));
                    if (actual != expected)
                    {
                        failures.Add($"{user} GET {url}: expected {expected}, got {actual}");
                    }
                }
            }
        }

        failures.Should().BeEmpty();
    }

    [Fact]
    public async Task Account_form_posts_need_a_signed_in_user_or_a_valid_antiforgery_token()
    {
        var anonymous = await Portal.ClientAsync();
        var change = await anonymous.PostAsync("/account/password", new FormUrlEncodedContent(new Dictionary<string, string>()));
        change.StatusCode.Should().Be(HttpStatusCode.Redirect);
        change.Headers.Location!.OriginalString.Should().Contain("/account/login");

        var forged = await anonymous.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "office1", ["password"] = PortalFactory.Password,
        }));
        forged.StatusCode.Should().Be(HttpStatusCode.Redirect, "a sign-in post without the antiforgery token is refused");
        forged.Headers.Location!.OriginalString.Should().Contain("error=expired");
        (await anonymous.GetAsync("/tasks")).StatusCode.Should().Be(HttpStatusCode.Redirect, "nobody was signed in");
    }

    [Fact]
    public async Task Lead_unit_sees_my_tasks_with_only_the_tasks_naming_its_unit()
    {
        await EnsureUsersAsync(Portal);
        var expected = await Portal.WithDbAsync(db => db.PlanTasks.CountAsync(t => t.LeadUnits.Any(l => l.LeadUnit.Name == UnitB)));
        var client = await Portal.ClientAsync("unitB");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/tasks?size=100"));

        html.Should().Contain("我的任务").And.Contain($"共 <b>{expected}</b> 项任务");
        html.Should().Contain("href=\"tasks/8\"").And.NotContain("href=\"tasks/1\"");
        html.Should().NotContain("data-testid=\"nav-users\"");
    }

    [Fact]
    public async Task Unit_scope_is_applied_by_the_query_service_whatever_filter_is_sent()
    {
        await EnsureUsersAsync(Portal);
        var queries = Portal.Services.GetRequiredService<TaskQueries>();
        var planId = await Portal.WithDbAsync(db => db.Plans.Select(p => p.Id).SingleAsync());
        var unitC = await Portal.WithDbAsync(db => db.LeadUnits.Where(u => u.Name == UnitC).Select(u => u.Id).SingleAsync());
        var scopeC = new AccessScope("unitC", SeesAllTasks: false, LeadUnitId: unitC, CanEditTasks: false, IsAdmin: false);

        (await queries.GetAsync(scopeC, planId, TaskOfA)).Should().BeNull("another unit's task is not found");
        (await queries.GetAsync(scopeC, planId, TaskWithoutUnit)).Should().BeNull("tasks without a named unit are for the office");
        (await queries.GetAsync(scopeC, planId, TaskOfC)).Should().NotBeNull();

        var forged = await queries.ListAsync(scopeC, planId, new TaskListQuery { Unit = UnitA, PageSize = 100 });
        forged.Total.Should().Be(0, "asking for unit A's tasks by filter does not widen unit C's scope");
        var own = await queries.ListAsync(scopeC, planId, new TaskListQuery { PageSize = 100 });
        own.Rows.Should().OnlyContain(r => r.LeadUnits.Contains(UnitC));
        (await queries.ListAsync(AccessScope.Nobody, planId, new TaskListQuery())).Total.Should().Be(0);
    }

    [Fact]
    public async Task Only_an_admin_can_change_accounts_even_calling_the_service_directly()
    {
        await EnsureUsersAsync(Portal);
        var admin = Portal.Services.GetRequiredService<UserAdministration>();
        var unitA = await Portal.WithDbAsync(db => db.Users.Where(u => u.UserName == "unitA").Select(u => u.Id).SingleAsync());
        var office = new AccessScope("office2", true, null, true, false);

        (await admin.SetDisabledAsync(office, unitA, true)).Succeeded.Should().BeFalse();
        (await admin.ResetPasswordAsync(office, unitA, "Other@2022pass")).Succeeded.Should().BeFalse();
        (await admin.CreateAsync(office, new NewUser("sneaky", null, Roles.Admin, null, "Sneaky@2022pass"))).Succeeded.Should().BeFalse();
        (await admin.ListAsync(office)).Should().BeEmpty();

        (await Portal.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "sneaky"))).Should().BeFalse();
        (await Portal.WithDbAsync(db => db.Users.Where(u => u.UserName == "unitA").Select(u => u.IsDisabled).SingleAsync())).Should().BeFalse();
    }

    private static Access Classify(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        return response.StatusCode switch
        {
            HttpStatusCode.OK => Access.Allowed,
            HttpStatusCode.NotFound => Access.NotFound,
            HttpStatusCode.Forbidden => Access.Denied,
            HttpStatusCode.Unauthorized when location.Length == 0 => Access.Unauthorized,
            HttpStatusCode.Redirect or HttpStatusCode.Found when location.Contains("/account/login") => Access.SignIn,
            HttpStatusCode.Redirect or HttpStatusCode.Found when location.Contains("/account/access-denied") => Access.Denied,
            _ => throw new InvalidOperationException($"Unexpected answer {(int)response.StatusCode} {location}"),
        };
    }

    /// <summary>Every GET route the app maps itself: pages and endpoints, without framework and static-file routes.</summary>
    private static List<string> Routes(PortalFactory portal) =>
        portal.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods.Contains("GET") != false)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => !r.StartsWith("/_", StringComparison.Ordinal) && !r.Contains('.') && !r.Contains("{**"))
            .Where(r => !r.StartsWith("/account/") || !IsPostOnly(portal, r))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    private static bool IsPostOnly(PortalFactory portal, string route) =>
        portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => "/" + e.RoutePattern.RawText!.TrimStart('/') == route)
            .All(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>() is { } m && !m.HttpMethods.Contains("GET"));
}

public sealed class SqliteAccessTests(SqlitePortal fixture) : AccessTests(fixture), IClassFixture<SqlitePortal>;

public sealed class PostgresAccessTests(PostgresPortal fixture) : AccessTests(fixture), IClassFixture<PostgresPortal>;
