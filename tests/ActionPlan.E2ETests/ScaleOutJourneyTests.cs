using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using ActionPlan.IntegrationTests;
using ActionPlan.Web.Infrastructure;
using Microsoft.Playwright;

namespace ActionPlan.E2ETests;

/// <summary>Two instances behind nginx (issue #16): a sign-in on one is good on the other, and circuits run through the proxy.</summary>
public sealed class ScaleOutJourneyTests(ScaledOutPortal portal) : IClassFixture<ScaledOutPortal>
{
    [Fact]
    public async Task Signing_in_on_one_instance_carries_to_the_other()
    {
        var context = await BrowserPortal.NewDesktopContextAsync(portal.Browser);
        var page = await context.NewPageAsync();
        await BrowserPortal.SignInOnAsync(page, portal.NginxAddress, "office1");
        var first = await ServedByAsync(page, "tasks");
        (await AffinityCookieAsync(context)).Should().Be(first, "the instance that served the page pins the browser to itself");

        // The sign-in cookie was issued by the first instance; the second must read it (shared data-protection keys).
        var other = first == "a" ? "b" : "a";
        await portal.PinAsync(context, other);
        var negotiated = page.WaitForResponseAsync(r => r.Url.Contains("/_blazor/negotiate", StringComparison.Ordinal));
        var sockets = new List<IWebSocket>();
        page.WebSocket += (_, socket) => sockets.Add(socket);
        var reloaded = await page.ReloadAsync();
        reloaded!.Headers.Should().ContainKey("x-actionplan-instance").WhoseValue.Should().Be(other);
        page.Url.Should().EndWith("/tasks", "still signed in: no detour to the sign-in page");
        await BrowserPortal.WaitInteractiveAsync(page);
        (await negotiated).Headers.Should().ContainKey("x-actionplan-instance").WhoseValue.Should().Be(other, "the circuit lives where the cookie points");
        sockets.Should().Contain(s => s.Url.Contains("/_blazor", StringComparison.Ordinal) && !s.IsClosed, "the circuit runs on a WebSocket through nginx");

        // An interactive action on the second instance: the search filters the list over the circuit.
        var count = page.GetByTestId("result-count");
        await Assertions.Expect(count).ToContainTextAsync("共 165 项任务");
        var search = page.Locator("input[data-testid=filter-search], [data-testid=filter-search] input").First;
        await search.FillAsync("政策有效期");
        await search.PressAsync("Enter");
        await Assertions.Expect(count).ToContainTextAsync("筛选出 2 项任务");
        await BrowserPortal.ScreenshotAsync(page, "scale-out-tasks-on-" + other);
        (await AffinityCookieAsync(context)).Should().Be(other);
        await context.CloseAsync();
    }

    [Fact]
    public async Task Nginx_spreads_new_visitors_reports_ready_and_passes_WebSocket_upgrades()
    {
        // Without the cookie nginx goes round robin, and each answer pins the visitor to the instance that gave it.
        using var anonymous = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = portal.NginxAddress };
        var served = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            using var ready = await anonymous.GetAsync("health/ready");
            ready.StatusCode.Should().Be(HttpStatusCode.OK);
            var instance = ready.Headers.GetValues(InstanceAffinityMiddleware.HeaderName).Single();
            ready.Headers.GetValues("Set-Cookie").Should().Contain(c => c.StartsWith($"{InstanceAffinityMiddleware.CookieName}={instance}; path=/", StringComparison.OrdinalIgnoreCase) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
            served.Add(instance);
        }

        served.Should().Contain(new[] { "a", "b" }, "round robin over both instances");
        foreach (var name in ScaledOutPortal.InstanceNames)
        {
            using var direct = new HttpClient { BaseAddress = portal.Instance(name).Address };
            using var ready = await direct.GetAsync("health/ready");
            ready.StatusCode.Should().Be(HttpStatusCode.OK);
            ready.Headers.GetValues(InstanceAffinityMiddleware.HeaderName).Should().Equal(name);
        }

        // A signed-in client pinned to b negotiates a circuit connection and opens its WebSocket through nginx.
        var cookies = new CookieContainer();
        cookies.Add(portal.NginxAddress, new System.Net.Cookie(InstanceAffinityMiddleware.CookieName, "b"));
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = portal.NginxAddress };
        (await PortalFactory.PostLoginAsync(client, "office1", PortalFactory.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        using var negotiate = await client.PostAsync("_blazor/negotiate?negotiateVersion=1", null);
        negotiate.StatusCode.Should().Be(HttpStatusCode.OK);
        negotiate.Headers.GetValues(InstanceAffinityMiddleware.HeaderName).Should().Equal("b");
        using var negotiation = JsonDocument.Parse(await negotiate.Content.ReadAsStringAsync());
        negotiation.RootElement.GetProperty("availableTransports").EnumerateArray()
            .Select(t => t.GetProperty("transport").GetString()).Should().Contain("WebSockets");
        var token = negotiation.RootElement.GetProperty("connectionToken").GetString()!;

        using var socket = new ClientWebSocket();
        socket.Options.Cookies = cookies;
        socket.Options.CollectHttpResponseDetails = true;
        var url = new UriBuilder(new Uri(portal.NginxAddress, "_blazor")) { Scheme = "ws", Query = "id=" + Uri.EscapeDataString(token) }.Uri;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await socket.ConnectAsync(url, timeout.Token);
        socket.HttpStatusCode.Should().Be(HttpStatusCode.SwitchingProtocols);
        socket.HttpResponseHeaders![InstanceAffinityMiddleware.HeaderName].Should().Equal("b");

        // SignalR's handshake is JSON, ended by 0x1E; an empty object back means the hub accepted the protocol.
        await socket.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"blazorpack\",\"version\":1}\u001e"), WebSocketMessageType.Text, true, timeout.Token);
        var buffer = new byte[1024];
        var received = await socket.ReceiveAsync(buffer, timeout.Token);
        Encoding.UTF8.GetString(buffer, 0, received.Count).Should().Be("{}\u001e");
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
    }

    /// <summary>Opens <paramref name="path"/> and returns the instance that served it.</summary>
    private async Task<string> ServedByAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(new Uri(portal.NginxAddress, path).ToString());
        response!.Status.Should().Be(200);
        await BrowserPortal.WaitInteractiveAsync(page);
        return response.Headers.Should().ContainKey("x-actionplan-instance").WhoseValue;
    }

    private static async Task<string?> AffinityCookieAsync(IBrowserContext context) =>
        (await context.CookiesAsync()).SingleOrDefault(c => c.Name == InstanceAffinityMiddleware.CookieName)?.Value;
}
