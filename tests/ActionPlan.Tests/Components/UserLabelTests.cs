using System.Security.Claims;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Components.Layout;
using ActionPlan.Web.Features.Accounts;

namespace ActionPlan.Tests.Components;

public class UserLabelTests
{
    private static ClaimsPrincipal User(string name, string role, string? displayName) => new(new ClaimsIdentity(
        new[] { new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role) }
            .Concat(displayName is null ? [] : [new Claim(AccessScope.DisplayNameClaim, displayName)]),
        "test", ClaimTypes.Name, ClaimTypes.Role));

    [Fact]
    public void A_name_equal_to_its_role_shows_once() =>
        MainLayout.UserLabel(User("leader", Roles.Leadership, Roles.Label(Roles.Leadership))).Should().Be(Roles.Label(Roles.Leadership));

    [Fact]
    public void A_unit_account_shows_its_name_and_role() =>
        MainLayout.UserLabel(User("unit01", Roles.LeadUnit, "省财政厅")).Should().Be($"省财政厅（{Roles.Label(Roles.LeadUnit)}）");

    [Fact]
    public void Without_a_display_name_the_user_name_stands_in() =>
        MainLayout.UserLabel(User("office2", Roles.Office, null)).Should().Be($"office2（{Roles.Label(Roles.Office)}）");
}
