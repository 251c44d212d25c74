using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.WebUtilities;

namespace ActionPlan.Web.Features.Accounts;

/// <summary>Until an initial or reset password is changed, every page leads to the change-password page.</summary>
public sealed class MustChangePasswordMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (context.User.HasClaim(AccessScope.MustChangePasswordClaim, "true") &&
            HttpMethods.IsGet(context.Request.Method) &&
            !path.StartsWithSegments("/account") &&
            !path.StartsWithSegments("/_framework") &&
            !path.StartsWithSegments("/_content") &&
            !path.StartsWithSegments("/_blazor") &&
            !path.StartsWithSegments("/health") &&
            context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is null)
        {
            context.Response.Redirect(QueryHelpers.AddQueryString(AccountEndpoints.ChangePasswordPath, "returnUrl", path + context.Request.QueryString));
            return Task.CompletedTask;
        }

        return next(context);
    }
}
