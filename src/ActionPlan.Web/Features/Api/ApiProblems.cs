namespace ActionPlan.Web.Features.Api;

/// <summary>Every error of <c>/api</c> as <c>application/problem+json</c>, never a page or a redirect.</summary>
public static class ApiProblems
{
    public const string PathPrefix = "/api";

    public static bool IsApiPath(HttpContext context) => context.Request.Path.StartsWithSegments(PathPrefix);

    public static string TitleOf(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "Bad Request",
        StatusCodes.Status401Unauthorized => "Unauthorized",
        StatusCodes.Status403Forbidden => "Forbidden",
        StatusCodes.Status404NotFound => "Not Found",
        StatusCodes.Status405MethodNotAllowed => "Method Not Allowed",
        StatusCodes.Status429TooManyRequests => "Too Many Requests",
        StatusCodes.Status500InternalServerError => "Internal Server Error",
        _ => "Error",
    };

    public static string DetailOf(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => "需要有效的 API 令牌（Authorization: Bearer ap_…）。",
        StatusCodes.Status403Forbidden => "该令牌的账号无权访问此接口。",
        StatusCodes.Status404NotFound => "资源不存在，或不在该令牌的访问范围内。",
        StatusCodes.Status405MethodNotAllowed => "此接口只支持 GET。",
        StatusCodes.Status429TooManyRequests => "请求过于频繁，请在 Retry-After 秒后重试。",
        StatusCodes.Status500InternalServerError => "服务器内部错误，请稍后重试。",
        _ => "请求无法完成。",
    };

    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Problem(int status, string? detail = null) =>
        TypedResults.Problem(detail ?? DetailOf(status), statusCode: status, title: TitleOf(status));

    public static Task WriteAsync(HttpContext context, int status, string? detail = null) => Problem(status, detail).ExecuteAsync(context);
}
