using Microsoft.AspNetCore.Components.Authorization;

namespace ActionPlan.Web.Features.Accounts;

/// <summary>The current user's <see cref="AccessScope"/>, from the circuit's or request's authentication state.</summary>
public sealed class UserAccess(AuthenticationStateProvider authentication)
{
    public async Task<AccessScope> CurrentAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return AccessScope.For(state.User);
    }
}
