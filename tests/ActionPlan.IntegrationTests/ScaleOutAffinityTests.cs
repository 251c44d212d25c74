using System.Net;
using ActionPlan.Web.Infrastructure;

namespace ActionPlan.IntegrationTests;

/// <summary>
/// The affinity cookie and instance header of a named instance (<c>Instance:Name</c>), which nginx's map routes by;
/// the whole pair behind nginx runs in the browser tests (ScaleOutJourneyTests).
/// </summary>
public sealed class ScaleOutAffinityTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_named_instance_names_itself_and_sets_the_cookie_only_when_it_names_another()
    {
        await using var portal = new PortalFactory(_database) { Settings = { ["Instance:Name"] = "b", ["DeadlineWatch:Enabled"] = "false", ["Dashboard:Snapshots"] = "false" } };
        using var client = portal.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false });

        foreach (var (cookie, expectSet) in new (string?, bool)[] { (null, true), ("a", true), ("b", false) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/health/ready");
            if (cookie is not null)
            {
                request.Headers.Add("Cookie", $"{InstanceAffinityMiddleware.CookieName}={cookie}");
            }

            using var response = await client.SendAsync(request);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            response.Headers.GetValues(InstanceAffinityMiddleware.HeaderName).Should().Equal("b");
            var setCookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
            if (expectSet)
            {
                setCookies.Should().ContainSingle(c => c.StartsWith("ActionPlanNode=b;", StringComparison.Ordinal), $"the request's cookie was {cookie ?? "missing"}")
                    .Which.Should().Contain("path=/").And.Contain("samesite=lax").And.Contain("httponly");
            }
            else
            {
                setCookies.Should().NotContain(c => c.StartsWith("ActionPlanNode=", StringComparison.Ordinal), "the cookie already names this instance");
            }
        }

        // Error pages of the status-code re-execution carry the header too (it is added as the response starts).
        using var missing = await client.GetAsync("/no-such-page");
        missing.Headers.GetValues(InstanceAffinityMiddleware.HeaderName).Should().Equal("b");
    }

    [Fact]
    public async Task An_unnamed_instance_sends_neither()
    {
        await using var single = new PortalFactory(_database) { Settings = { ["DeadlineWatch:Enabled"] = "false", ["Dashboard:Snapshots"] = "false" } };
        using var response = await single.CreateClient(new() { HandleCookies = false }).GetAsync("/health/ready");
        response.Headers.Contains(InstanceAffinityMiddleware.HeaderName).Should().BeFalse();
        response.Headers.Contains("Set-Cookie").Should().BeFalse();
    }
}
