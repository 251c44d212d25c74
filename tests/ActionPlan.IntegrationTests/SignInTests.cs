using System.Net;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ActionPlan.IntegrationTests;

/// <summary>Sign-in security: first admin, lockout, rate limit, disabled accounts, no passwords in logs.</summary>
public abstract class SignInTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private PortalFactory _portal = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _portal = new PortalFactory(_database);
        _portal.CreateClient().Dispose();
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task First_admin_must_change_the_initial_password_then_lands_on_account_management()
    {
        var client = await _portal.ClientAsync();
        var login = await PortalFactory.PostLoginAsync(client, AccountSeeder.AdminUserName, PortalFactory.Password);
        login.Headers.Location!.OriginalString.Should().StartWith("/account/change-password");

        var elsewhere = await client.GetAsync("/tasks");
        elsewhere.StatusCode.Should().Be(HttpStatusCode.Redirect);
        elsewhere.Headers.Location!.OriginalString.Should().StartWith("/account/change-password");

        var form = await client.GetStringAsync("/account/change-password");
        form.Should().Contain("这是初始或重置后的密码");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var changed = await client.PostAsync("/account/password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["currentPassword"] = PortalFactory.Password,
            ["newPassword"] = "Changed@2022pass",
            ["confirmPassword"] = "Changed@2022pass",
            ["__RequestVerificationToken"] = token,
        }));

        changed.Headers.Location!.OriginalString.Should().Be("/admin/users");
        (await client.GetAsync("/admin/users")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(Roles.Leadership, null, "/dashboard")]
    [InlineData(Roles.Office, null, "/tasks")]
    [InlineData(Roles.LeadUnit, "省财政厅", "/tasks")]
    public async Task Each_role_lands_on_its_own_page_after_sign_in(string role, string? unit, string landing)
    {
        var name = $"land-{role.ToLowerInvariant()}";
        await _portal.CreateUserAsync(name, role, unit);
        using var client = await _portal.ClientAsync();

        // The sign-in page's own default return address is "/", as when a signed-out user opened the portal's root.
        var login = await PostLoginAsync(client, name, "/");

        login.Headers.Location!.OriginalString.Should().Be(landing);
        (await client.GetAsync(landing)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_return_address_other_than_the_root_is_kept()
    {
        await _portal.CreateUserAsync("land-return", Roles.Leadership);
        using var client = await _portal.ClientAsync();

        var login = await PostLoginAsync(client, "land-return", "/slips");

        login.Headers.Location!.OriginalString.Should().Be("/slips");
    }

    private static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string userName, string returnUrl)
    {
        var page = await client.GetStringAsync($"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        return await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["password"] = PortalFactory.Password,
            ["returnUrl"] = returnUrl,
            ["__RequestVerificationToken"] = token,
        }));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        await _portal.CreateUserAsync("office9", Roles.Office);
        var client = await _portal.ClientAsync();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await PortalFactory.PostLoginAsync(client, "office9", $"Wrong@2022pass{i}");
            wrong.Headers.Location!.OriginalString.Should().Contain(i < 4 ? "error=invalid" : "error=locked");
        }

        var right = await PortalFactory.PostLoginAsync(client, "office9", PortalFactory.Password);
        right.Headers.Location!.OriginalString.Should().Contain("error=locked");
        var page = await client.GetStringAsync(right.Headers.Location!.OriginalString);
        page.Should().Contain("账号已锁定 15 分钟").And.Contain("value=\"office9\"", "the user name typed is kept");

        var lockoutEnd = await _portal.WithDbAsync(db => db.Users.Where(u => u.UserName == "office9").Select(u => u.LockoutEnd).SingleAsync());
        lockoutEnd.Should().BeCloseTo(DateTimeOffset.UtcNow.AddMinutes(15), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in_and_loses_an_open_session()
    {
        var user = await _portal.CreateUserAsync("unit9", Roles.LeadUnit, "省市场监管局");
        var client = await _portal.ClientAsync("unit9");
        (await client.GetAsync("/tasks")).StatusCode.Should().Be(HttpStatusCode.OK);

        var admin = _portal.Services.GetRequiredService<UserAdministration>();
        var result = await admin.SetDisabledAsync(new AccessScope("admin2", true, null, true, true), user.Id, disabled: true);
        result.Succeeded.Should().BeTrue(result.Message);

        // The circuit check that runs every minute: the old principal is no longer valid.
        await using (var scope = _portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
            var options = scope.ServiceProvider.GetRequiredService<IOptions<IdentityOptions>>().Value;
            (await PortalAuthenticationStateProvider.IsStillValidAsync(users, principal, options)).Should().BeFalse();
        }

        var again = await _portal.ClientAsync();
        (await PortalFactory.PostLoginAsync(again, "unit9", PortalFactory.Password)).Headers.Location!.OriginalString.Should().Contain("error=disabled");
        (await _portal.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityKey == "unit9" && a.Action == "Disable"))).Should().Be(1);
    }

    [Fact]
    public async Task Passwords_never_reach_the_log()
    {
        await _portal.CreateUserAsync("office8", Roles.Office);
        var client = await _portal.ClientAsync();
        await PortalFactory.PostLoginAsync(client, "office8", "Mistyped@2022pass");
        await PortalFactory.PostLoginAsync(client, "office8", PortalFactory.Password);
        await PortalFactory.PostLoginAsync(client, "nobody", "Unknown@2022pass");

        var log = _portal.LogText();
        log.Should().Contain("Sign-in failed for office8").And.Contain("User office8 signed in").And.Contain("unknown user nobody");
        log.Should().NotContain("Mistyped@2022pass").And.NotContain(PortalFactory.Password).And.NotContain("Unknown@2022pass");
    }
}

public sealed class SqliteSignInTests() : SignInTests(DatabaseProvider.Sqlite);

public sealed class PostgresSignInTests() : SignInTests(DatabaseProvider.Postgres);

public sealed class SignInRateLimitTests
{
    [Fact]
    public async Task A_disabled_users_existing_cookie_stops_working_at_the_next_validation()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var portal = new PortalFactory(database) { Settings = { ["Security:SessionValidationInterval"] = "00:00:00" } };
        portal.CreateClient().Dispose();
        var user = await portal.CreateUserAsync("office6", Roles.Office);
        var client = await portal.ClientAsync("office6");
        (await client.GetAsync("/tasks")).StatusCode.Should().Be(HttpStatusCode.OK);

        var result = await portal.Services.GetRequiredService<UserAdministration>()
            .SetDisabledAsync(new AccessScope("admin2", true, null, true, true), user.Id, disabled: true);
        result.Succeeded.Should().BeTrue(result.Message);

        var after = await client.GetAsync("/tasks");
        after.StatusCode.Should().Be(HttpStatusCode.Redirect);
        after.Headers.Location!.OriginalString.Should().Contain("/account/login");
    }

    [Fact]
    public async Task Sign_in_posts_beyond_the_limit_get_429()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var portal = new PortalFactory(database) { SignInAttemptsPerMinute = 3 };
        var http = await portal.ClientAsync();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await PortalFactory.PostLoginAsync(http, "nobody", "Wrong@2022pass")).StatusCode);
        }

        statuses.Should().Equal(HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests);
    }
}
