using Microsoft.AspNetCore.Diagnostics;

namespace ActionPlan.Web.Features.Api;

/// <summary>
/// Under <c>/api</c>: no re-executed HTML error page (the portal's status-code pages are switched off here),
/// and any error answered without a body (405, a bad parameter, an exception) gets problem details.
/// </summary>
public sealed class ApiProblemMiddleware(RequestDelegate next, ILogger<ApiProblemMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!ApiProblems.IsApiPath(context))
        {
            await next(context);
            return;
        }

        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }

        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(ex, "API request {Path} failed", context.Request.Path);
            context.Response.Clear();
            await ApiProblems.WriteAsync(context, StatusCodes.Status500InternalServerError);
            return;
        }

        if (context.Response is { HasStarted: false, StatusCode: >= 400, ContentLength: null } response && string.IsNullOrEmpty(response.ContentType))
        {
            await ApiProblems.WriteAsync(context, response.StatusCode);
        }
    }
}
