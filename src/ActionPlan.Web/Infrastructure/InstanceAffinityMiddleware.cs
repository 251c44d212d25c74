namespace ActionPlan.Web.Infrastructure;

/// <summary>
/// For a named instance behind a proxy: every response names the instance that served it (<c>X-ActionPlan-Instance</c>)
/// and sets the affinity cookie <c>ActionPlanNode=&lt;name&gt;</c> when the request's is missing or names another
/// instance. Open-source nginx has no sticky sessions; its <c>map $cookie_ActionPlanNode</c> sends a browser back to
/// the instance that holds its Blazor circuit, and after a failover to the backup the cookie follows the new instance.
/// </summary>
public sealed class InstanceAffinityMiddleware(RequestDelegate next, InstanceOptions instance)
{
    /// <summary>No dot in the name: nginx's <c>$cookie_…</c> variable stops at one.</summary>
    public const string CookieName = "ActionPlanNode";

    public const string HeaderName = "X-ActionPlan-Instance";

    public Task InvokeAsync(HttpContext context)
    {
        var name = instance.Name!;
        var needsCookie = context.Request.Cookies[CookieName] != name;
        // On starting, so responses written by the exception handler or status-code pages carry them too.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = name;
            if (needsCookie)
            {
                context.Response.Cookies.Append(CookieName, name, new CookieOptions
                {
                    HttpOnly = true,
                    SameSite = SameSiteMode.Lax,
                    Path = "/",
                    IsEssential = true,
                });
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
