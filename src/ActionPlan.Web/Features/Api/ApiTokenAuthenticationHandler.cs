using System.Security.Claims;
using System.Text.Encodings.Web;
using ActionPlan.Data;
using ActionPlan.Web.Features.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ActionPlan.Web.Features.Api;

/// <summary>
/// <c>Authorization: Bearer ap_…</c>: finds the token by its hash and signs the request in as the token's
/// owner, with the owner's roles and unit as they are now, so <see cref="AccessScope.For"/> gives the same
/// scope as the owner's own sign-in. A revoked or expired token, or a disabled or locked-out account, fails.
/// One query, and one update of the last use at most once a minute. Challenges and refusals answer with
/// problem details, never a redirect.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string TokenIdClaim = "actionplan:api_token";

    private static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("只接受 Bearer 令牌（Authorization: Bearer ap_…）。");
        }

        var token = header["Bearer ".Length..].Trim();
        if (!ApiTokenFormat.IsWellFormed(token))
        {
            return AuthenticateResult.Fail("令牌无效。");
        }

        var hash = ApiTokenFormat.Hash(token);
        await using var db = await contexts.CreateDbContextAsync(Context.RequestAborted);
        // One row per role of the owner (one row without a role): token, account and roles in one query.
        var rows = await (
                from t in db.ApiTokens.AsNoTracking().Where(t => t.Hash == hash)
                join ur in db.UserRoles on t.UserId equals ur.UserId into userRoles
                from ur in userRoles.DefaultIfEmpty()
                join r in db.Roles on ur.RoleId equals r.Id into roles
                from r in roles.DefaultIfEmpty()
                select new
                {
                    t.Id, t.ExpiresAt, t.RevokedAt, t.LastUsedAt, t.UserId,
                    t.User.UserName, t.User.DisplayName, t.User.IsDisabled, t.User.LockoutEnabled, t.User.LockoutEnd, t.User.LeadUnitId,
                    Role = r != null ? r.Name : null,
                })
            .ToListAsync(Context.RequestAborted);
        var found = rows.FirstOrDefault();
        var now = clock.GetUtcNow();
        var problem = found switch
        {
            null => "令牌无效。",
            { RevokedAt: not null } => "令牌已撤销。",
            { ExpiresAt: { } expires } when expires <= now => "令牌已过期。",
            { IsDisabled: true } => "令牌所属账号已停用。",
            { LockoutEnabled: true, LockoutEnd: { } end } when end > now => "令牌所属账号已锁定。",
            _ => null,
        };
        if (problem is not null)
        {
            Logger.LogWarning("API request refused: {Problem} (token {Prefix}…)", problem, ApiTokenFormat.PrefixOf(token));
            return AuthenticateResult.Fail(problem);
        }

        if (found!.LastUsedAt is not { } last || now - last >= LastUseResolution)
        {
            await db.ApiTokens.Where(t => t.Id == found.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }

        var identity = new ClaimsIdentity(SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, found.UserId));
        identity.AddClaim(new Claim(ClaimTypes.Name, found.UserName ?? ""));
        identity.AddClaim(new Claim(AccessScope.DisplayNameClaim, found.DisplayName ?? found.UserName ?? ""));
        identity.AddClaim(new Claim(TokenIdClaim, found.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        foreach (var role in rows.Select(r => r.Role).OfType<string>().Distinct())
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, role));
        }

        if (found.LeadUnitId is { } unit)
        {
            identity.AddClaim(new Claim(AccessScope.LeadUnitClaim, unit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers.WWWAuthenticate = result.Failure is null ? "Bearer realm=\"ActionPlan\"" : "Bearer realm=\"ActionPlan\", error=\"invalid_token\"";
        await ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, result.Failure?.Message is { } message ? message + " " + ApiProblems.DetailOf(StatusCodes.Status401Unauthorized) : null);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, StatusCodes.Status403Forbidden);
}
