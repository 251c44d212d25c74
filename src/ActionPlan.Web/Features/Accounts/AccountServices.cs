using System.Threading.RateLimiting;
using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace ActionPlan.Web.Features.Accounts;

public static class AccountServices
{
    /// <summary>Accounts: Identity on the portal's database, cookie sign-in, roles, revalidation of open circuits, sign-in rate limit.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services, IWebHostEnvironment environment)
    {
        services.AddValidatedOptions<SecurityOptions>(SecurityOptions.Section);
        services.AddIdentityCore<AppUser>(options =>
            {
                AppDbContext.ConfigureIdentityStore(options);
                options.Password.RequiredLength = 10;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = false;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<PortalSignInManager>()
            .AddClaimsPrincipalFactory<PortalClaimsFactory>()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddDefaultTokenProviders();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = AccountEndpoints.LoginPath;
            cookie.AccessDeniedPath = "/account/access-denied";
            cookie.Cookie.Name = "ActionPlan.Auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            // The REST API takes bearer tokens only: under /api a missing or refused sign-in is a status, never a redirect to a page.
            cookie.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
        });
        // How soon a disabled account or a changed role ends an existing sign-in cookie.
        services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<SecurityOptions>((options, security) => options.ValidationInterval = security.SessionValidationInterval);
        services.AddAuthorization(options =>
            // A page or endpoint that says nothing about access requires a signed-in user.
            options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, PortalAuthenticationStateProvider>();
        services.AddScoped<UserAccess>();
        services.AddSingleton<UserAdministration>();
        services.AddSingleton<AccountSeeder>();
        services.AddHttpContextAccessor();
        services.AddDataProtection().SetApplicationName("ActionPlan").PersistKeysToDbContext<AppDbContext>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(AccountEndpoints.SignInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<SecurityOptions>().SignInAttemptsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        });
        return services;
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
