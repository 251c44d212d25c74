using System.Security.Claims;
using ActionPlan.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ActionPlan.Web.Features.Accounts;

/// <summary>Puts the user's unit and the must-change-password flag into the sign-in cookie, so scoping needs no query.</summary>
public sealed class PortalClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.LeadUnitId is { } unit)
        {
            identity.AddClaim(new Claim(AccessScope.LeadUnitClaim, unit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(AccessScope.MustChangePasswordClaim, "true"));
        }

        identity.AddClaim(new Claim(AccessScope.DisplayNameClaim, user.DisplayName ?? user.UserName ?? ""));
        return identity;
    }
}
