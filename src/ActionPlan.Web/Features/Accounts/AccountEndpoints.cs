using ActionPlan.Data.Entities;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace ActionPlan.Web.Features.Accounts;

/// <summary>
/// Sign-in, sign-out and password change as plain form posts (antiforgery-checked by the framework), so the
/// sign-in endpoint can carry its own rate limit and the cookie is written on a normal HTTP response.
/// </summary>
public static class AccountEndpoints
{
    public const string SignInRateLimit = "sign-in";
    public const string LoginPath = "/account/login";
    public const string ChangePasswordPath = "/account/change-password";

    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account");

        account.MapPost("/sign-in", async (HttpContext context, IAntiforgery antiforgery, SignInManager<AppUser> signIn, UserManager<AppUser> users, ILoggerFactory loggers) =>
        {
            var logger = loggers.CreateLogger("ActionPlan.SignIn");
            if (await ReadFormAsync(context, antiforgery) is not { } form)
            {
                logger.LogWarning("Sign-in post refused: missing or expired antiforgery token");
                return Back("expired", "", null);
            }

            var (userName, password, returnUrl) = (form["userName"].ToString(), form["password"].ToString(), form["returnUrl"].ToString());
            var name = userName.Trim();
            if (name.Length == 0 || password.Length == 0)
            {
                return Back("empty", name, returnUrl);
            }

            var user = await users.FindByNameAsync(name);
            if (user is null)
            {
                logger.LogWarning("Sign-in failed for unknown user {UserName}", name);
                return Back("invalid", name, returnUrl);
            }

            var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                logger.LogInformation("User {UserName} signed in", user.UserName);
                return user.MustChangePassword
                    ? Results.LocalRedirect(QueryHelpers.AddQueryString(ChangePasswordPath, "returnUrl", SafeReturnUrl(returnUrl) ?? "/"))
                    : Results.LocalRedirect(SafeReturnUrl(returnUrl) is { } back && back != "/" ? back : await LandingPageAsync(users, user));
            }

            if (result.IsLockedOut)
            {
                logger.LogWarning("Sign-in refused for {UserName}: locked out", user.UserName);
                return Back("locked", name, returnUrl);
            }

            if (result.IsNotAllowed)
            {
                logger.LogWarning("Sign-in refused for {UserName}: account disabled", user.UserName);
                return Back("disabled", name, returnUrl);
            }

            logger.LogWarning("Sign-in failed for {UserName}: wrong password", user.UserName);
            return Back("invalid", name, returnUrl);
        }).AllowAnonymous().DisableAntiforgery().RequireRateLimiting(SignInRateLimit);

        account.MapPost("/sign-out", async (HttpContext context, IAntiforgery antiforgery, SignInManager<AppUser> signIn, ILoggerFactory loggers) =>
        {
            if (await ReadFormAsync(context, antiforgery) is null)
            {
                return Results.BadRequest();
            }

            loggers.CreateLogger("ActionPlan.SignIn").LogInformation("User {UserName} signed out", context.User.Identity?.Name);
            await signIn.SignOutAsync();
            return Results.LocalRedirect(LoginPath);
        }).AllowAnonymous().DisableAntiforgery();

        account.MapPost("/password", async (HttpContext context, IAntiforgery antiforgery, UserManager<AppUser> users, SignInManager<AppUser> signIn, ILoggerFactory loggers) =>
        {
            if (await ReadFormAsync(context, antiforgery) is not { } form)
            {
                return Results.LocalRedirect(QueryHelpers.AddQueryString(ChangePasswordPath, "error", "页面已过期，请重新填写。"));
            }

            var (currentPassword, newPassword, confirmPassword, returnUrl) =
                (form["currentPassword"].ToString(), form["newPassword"].ToString(), form["confirmPassword"].ToString(), form["returnUrl"].ToString());
            var user = await users.GetUserAsync(context.User);
            if (user is null)
            {
                return Results.LocalRedirect(LoginPath);
            }

            string? error = null;
            if (currentPassword.Length == 0 || newPassword.Length == 0)
            {
                error = "请填写当前密码和新密码。";
            }
            else if (newPassword != confirmPassword)
            {
                error = "两次输入的新密码不一致。";
            }
            else if (newPassword == currentPassword)
            {
                error = "新密码不能与当前密码相同。";
            }
            else
            {
                var changed = await users.ChangePasswordAsync(user, currentPassword, newPassword);
                if (changed.Succeeded)
                {
                    user.MustChangePassword = false;
                    await users.UpdateAsync(user);
                    await signIn.RefreshSignInAsync(user);
                    loggers.CreateLogger("ActionPlan.SignIn").LogInformation("User {UserName} changed the password", user.UserName);
                    return Results.LocalRedirect(SafeReturnUrl(returnUrl) is { } back && back != "/" ? back : await LandingPageAsync(users, user));
                }

                error = string.Join(" ", changed.Errors.Select(e => e.Description));
            }

            return Results.LocalRedirect(QueryHelpers.AddQueryString(ChangePasswordPath, new Dictionary<string, string?>
            {
                ["error"] = error,
                ["returnUrl"] = SafeReturnUrl(returnUrl),
            }));
        }).RequireAuthorization().DisableAntiforgery();
    }

    /// <summary>The posted form when its antiforgery token is valid; null otherwise (checked here so the answer is a page, not a 500).</summary>
    private static async Task<IFormCollection?> ReadFormAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!context.Request.HasFormContentType)
        {
            return null;
        }

        try
        {
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return null;
        }

        return await context.Request.ReadFormAsync();
    }

    /// <summary>Where each role starts its work.</summary>
    /// <summary>
    /// Each role's own page: the administrator's accounts, leadership's 总览, and for the office and the units the
    /// task list (a unit's is 我的任务, its own tasks). "/" as a return address (the sign-in page's default) lands there too.
    /// </summary>
    public static async Task<string> LandingPageAsync(UserManager<AppUser> users, AppUser user) =>
        await users.IsInRoleAsync(user, Roles.Admin) ? "/admin/users"
        : await users.IsInRoleAsync(user, Roles.Leadership) ? "/dashboard"
        : "/" + ActionPlan.Web.Features.Tasks.TaskListQuery.All.ToUrl();

    /// <summary>Only local paths; anything else (another host, "//evil") falls back to the landing page.</summary>
    public static string? SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : null;

    private static IResult Back(string error, string userName, string? returnUrl) =>
        Results.LocalRedirect(QueryHelpers.AddQueryString(LoginPath, new Dictionary<string, string?>
        {
            ["error"] = error,
            ["userName"] = userName,
            ["returnUrl"] = SafeReturnUrl(returnUrl),
        }));
}
