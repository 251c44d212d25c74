using System.ComponentModel;
using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Rules;
using ActionPlan.Web.Features.Shared;
using ActionPlan.Web.Features.Tasks;
using ActionPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;

namespace ActionPlan.Web.Features.Api;

/// <summary>
/// The read-only REST API under <c>/api/v1</c> and its OpenAPI document (<c>/openapi/v1.json</c>). Requests
/// carry a personal API token (<see cref="ApiTokenAuthenticationHandler"/>); cookies are not accepted here.
/// Each token has its own request limit (<c>Api:RequestsPerMinute</c>).
/// </summary>
public static class ApiEndpoints
{
    public const string Prefix = "/api/v1";
    public const string Policy = "api";
    public const string RateLimit = "api";
    public const string OpenApiPath = "/openapi/v1.json";
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        services.AddValidatedOptions<ApiOptions>(ApiOptions.Section);
        services.AddSingleton<ApiQueries>();
        services.AddSingleton<ApiTokenService>();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireRole(Roles.Admin, Roles.Office, Roles.Leadership, Roles.LeadUnit));
        // Status, levels and states as camelCase names ("inProgress"), the names the filters take; numbers as numbers
        // (the web defaults also read them from strings, which the OpenAPI document would then describe as "integer or string").
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        services.AddOpenApi("v1", options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith(Prefix[1..] + "/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer<ApiDocumentTransformer>();
        });
        services.Configure<RateLimiterOptions>(options =>
        {
            // The limiter runs after authorization, so the partition is the authenticated token.
            options.AddPolicy(RateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.FindFirstValue(ApiTokenAuthenticationHandler.TokenIdClaim) ?? "address:" + context.Connection.RemoteIpAddress,
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<ApiOptions>().RequestsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            var previous = options.OnRejected;
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    rejected.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                if (ApiProblems.IsApiPath(rejected.HttpContext))
                {
                    await ApiProblems.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests);
                }
                else if (previous is not null)
                {
                    await previous(rejected, cancellationToken);
                }
            };
        });
        return services;
    }

    public static void MapApiEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(OpenApiPath).AllowAnonymous();

        var api = app.MapGroup(Prefix)
            .RequireAuthorization(Policy)
            .RequireRateLimiting(RateLimit)
            .WithTags("ActionPlan")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapGet("/plans", ListPlans).WithName("ListPlans").WithSummary("行动计划列表（含令牌可见的任务数）");
        api.MapGet("/plans/{planId:int}/domains", ListDomains).WithName("ListDomains").WithSummary("计划的领域（含令牌可见的任务数）")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/plans/{planId:int}/tasks", ListTasks).WithName("ListTasks").WithSummary("任务清单：筛选、排序、分页，含牵头单位和时间节点")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();
        api.MapGet("/plans/{planId:int}/figures", GetFigures).WithName("GetFigures").WithSummary("总览数字（令牌范围内）")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();
        api.MapGet("/tasks/{id:int}", GetTask).WithName("GetTask").WithSummary("一项任务（按 id）")
            .ProducesProblem(StatusCodes.Status404NotFound);

        // Anything else under /api: 404, and 405 for a method other than GET, as problem details (with a valid
        // token; without one, 401), never a page.
        app.MapGet(ApiProblems.PathPrefix + "/{**path}", () => ApiProblems.Problem(StatusCodes.Status404NotFound))
            .RequireAuthorization(Policy).ExcludeFromDescription();
        app.MapMethods(ApiProblems.PathPrefix + "/{**path}", [HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete], (HttpContext context) =>
            {
                context.Response.Headers.Allow = HttpMethods.Get;
                return ApiProblems.Problem(StatusCodes.Status405MethodNotAllowed);
            })
            .RequireAuthorization(Policy).DisableAntiforgery().ExcludeFromDescription();
    }

    private static async Task<Ok<IReadOnlyList<ApiPlan>>> ListPlans(HttpContext context, ApiQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.PlansAsync(AccessScope.For(context.User), cancellationToken));

    private static async Task<Results<Ok<IReadOnlyList<ApiDomain>>, ProblemHttpResult>> ListDomains(int planId, HttpContext context, ApiQueries queries, CancellationToken cancellationToken) =>
        await queries.DomainsAsync(AccessScope.For(context.User), planId, cancellationToken) is { } domains
            ? TypedResults.Ok(domains)
            : ApiProblems.Problem(StatusCodes.Status404NotFound, "计划不存在。");

    private static async Task<Results<Ok<ApiTaskDetail>, ProblemHttpResult>> GetTask(int id, HttpContext context, ApiQueries queries, CancellationToken cancellationToken) =>
        await queries.TaskAsync(AccessScope.For(context.User), id, cancellationToken) is { } task
            ? TypedResults.Ok(task)
            : ApiProblems.Problem(StatusCodes.Status404NotFound, "任务不存在，或不在该令牌的访问范围内。");

    private static async Task<Results<Ok<ApiFigures>, ProblemHttpResult, ValidationProblem>> GetFigures(
        int planId, HttpContext context, ApiQueries queries, CancellationToken cancellationToken,
        [Description("截至日期 yyyy-MM-dd（默认今天，不能晚于今天）")] string? asOf = null)
    {
        var today = queries.Today;
        var day = today;
        if (!string.IsNullOrWhiteSpace(asOf))
        {
            if (!DateOnly.TryParseExact(asOf.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
            {
                return Invalid("asOf", $"截至日期“{asOf}”无法识别，应为 2022-06-30 这样的格式。");
            }

            if (day > today)
            {
                return Invalid("asOf", $"截至日期不能晚于今天（{StatusText.ShortDate(today)}）。");
            }
        }

        return await queries.FiguresAsync(AccessScope.For(context.User), planId, day, cancellationToken) is { } figures
            ? TypedResults.Ok(figures)
            : ApiProblems.Problem(StatusCodes.Status404NotFound, "计划不存在。");
    }

    private static async Task<Results<Ok<ApiPage<ApiTask>>, ProblemHttpResult, ValidationProblem>> ListTasks(
        int planId, HttpContext context, ApiQueries queries, CancellationToken cancellationToken,
        [Description("领域序号：（一）为 1")] int? domain = null,
        [Description("状态：notStarted、inProgress、completed、suspended")] string? status = null,
        [Description("牵头单位名称；“无牵头单位”选出没有牵头单位的任务")] string? unit = null,
        [Description("预警：onTrack、approaching、urgent、overdue、completedLate")] string? level = null,
        [Description("有这种时间节点的任务：due、onTime、late、approaching、urgent、overdue、pending")] string? milestone = null,
        [Description("有在该月到期的时间节点的任务：yyyy-MM")] string? month = null,
        [Description("在标题和正文中查找；一个数字也找序号为它的任务")] string? q = null,
        [Description("排序：number、domain、title、status、deadline")] string? sort = null,
        [Description("asc 或 desc")] string? dir = null,
        [Description("页码，从 1 开始")] int? page = null,
        [Description("每页条数，1–200，默认 50")] int? pageSize = null)
    {
        var errors = new Dictionary<string, string[]>();
        void Check(bool ok, string key, string message)
        {
            if (!ok)
            {
                errors[key] = [message];
            }
        }

        Check(domain is null or > 0, "domain", "领域序号应为正整数。");
        Check(TryName<PlanTaskStatus>(status, out var parsedStatus), "status", "状态应为 notStarted、inProgress、completed 或 suspended。");
        Check(TryName<WarningLevel>(level, out var parsedLevel), "level", "预警应为 onTrack、approaching、urgent、overdue 或 completedLate。");
        Check(TryName<MilestoneState>(milestone, out var parsedMilestone) && (parsedMilestone is null || MilestoneStates.Listed.Contains(parsedMilestone.Value)),
            "milestone", "时间节点状态应为 due、onTime、late、approaching、urgent、overdue 或 pending。");
        var parsedMonth = StatusText.ParseMonth(month);
        Check(string.IsNullOrWhiteSpace(month) || parsedMonth is not null, "month", "月份应为 2022-09 这样的格式。");
        Check(TryName<TaskSort>(sort, out var parsedSort), "sort", "排序应为 number、domain、title、status 或 deadline。");
        Check(dir is null || dir.Equals("asc", StringComparison.OrdinalIgnoreCase) || dir.Equals("desc", StringComparison.OrdinalIgnoreCase), "dir", "排序方向应为 asc 或 desc。");
        Check(page is null or > 0, "page", "页码应从 1 开始。");
        Check(pageSize is null or (> 0 and <= MaxPageSize), "pageSize", $"每页条数应在 1 到 {MaxPageSize} 之间。");
        Check(q is null || q.Trim().Length <= 100, "q", "查找内容最多 100 个字符。");
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "One or more validation errors occurred.");
        }

        var query = new TaskListQuery
        {
            Domain = domain,
            Status = parsedStatus,
            Unit = string.IsNullOrWhiteSpace(unit) ? null : unit.Trim(),
            Level = parsedLevel,
            Milestone = parsedMilestone,
            Month = parsedMonth,
            Search = string.IsNullOrWhiteSpace(q) ? null : q.Trim(),
            Sort = parsedSort ?? TaskSort.Number,
            Descending = string.Equals(dir, "desc", StringComparison.OrdinalIgnoreCase),
        };
        return await queries.TasksAsync(AccessScope.For(context.User), planId, query, page ?? 1, pageSize ?? DefaultPageSize, cancellationToken) is { } result
            ? TypedResults.Ok(result)
            : ApiProblems.Problem(StatusCodes.Status404NotFound, "计划不存在。");
    }

    private static ValidationProblem Invalid(string key, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [key] = [message] }, title: "One or more validation errors occurred.");

    /// <summary>An enum member by name, any case; empty is null. Numbers are not names ("1" is refused).</summary>
    private static bool TryName<T>(string? text, out T? value)
        where T : struct, Enum
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var trimmed = text.Trim();
        if (!char.IsAsciiLetter(trimmed[0]) || !Enum.TryParse<T>(trimmed, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
        {
            return false;
        }

        value = parsed;
        return true;
    }
}
