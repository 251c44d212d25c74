using System.Net;
using ActionPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ActionPlan.IntegrationTests;

/// <summary>
/// Behind a proxy that ends TLS, the portal believes X-Forwarded-Proto from a trusted proxy only: from this machine
/// by default, or from the proxies <c>Proxy:KnownProxies</c> names. Real sockets (Kestrel), so the client's address
/// is a real loopback address.
/// </summary>
public sealed class ForwardedHeadersTests
{
    [Fact]
    public async Task A_proxy_on_this_machine_that_ends_TLS_gets_https_redirects()
    {
        var location = await SignInRedirectAsync([]);
        location.Should().StartWith("https://", "nginx on this machine said the browser used https");
    }

    [Fact]
    public async Task A_forwarded_scheme_from_an_untrusted_address_is_ignored()
    {
        var location = await SignInRedirectAsync(new() { ["Proxy:KnownProxies:0"] = "10.9.9.9" });
        location.Should().StartWith("http://", "only 10.9.9.9 may say so, and this request came from loopback");
    }

    /// <summary>The Location of an anonymous GET /tasks that claims https through X-Forwarded-Proto.</summary>
    private static async Task<string> SignInRedirectAsync(Dictionary<string, string> settings)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        settings["DeadlineWatch:Enabled"] = "false";
        await using var portal = new PortalFactory(database) { Settings = settings };
        portal.UseKestrel(0);
        portal.StartServer();
        var address = portal.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1");
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/tasks");
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.OriginalString;
        location.Should().Contain("/account/login");
        return location;
    }
}
