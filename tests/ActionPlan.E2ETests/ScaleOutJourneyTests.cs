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

    [Fact]
    public async Task An_edit_on_one_instance_shows_on_an_open_page_of_the_other_within_two_seconds()
    {
        // B shows the tasks 推进中; A makes task 21 one of them.
        var onB = await portal.NewPageOnAsync("b", "admin1");
        (await ServedByAsync(onB, "tasks?status=inprogress")).Should().Be("b");
        const string title = "task-link";
        var onA = await portal.NewPageOnAsync("a", "office1");
        (await ServedByAsync(onA, "tasks/21")).Should().Be("a");
        var heading = await onA.Locator("#page-title").InnerTextAsync();
        var taskTitle = heading[(heading.IndexOf('.', StringComparison.Ordinal) + 1)..].Trim();
        await Assertions.Expect(onB.GetByTestId(title).Filter(new() { HasText = taskTitle })).ToHaveCountAsync(0);

        await BrowserPortal.ChooseAsync(onA, onA.GetByTestId("task-editor"), "状态", "推进中");
        await BrowserPortal.Field(onA, "edit-progress").FillAsync("20");
        await onA.GetByTestId("edit-save").ClickAsync();
        await Assertions.Expect(onA.Locator(".mud-snackbar").Filter(new() { HasText = "已保存任务 21" }).First).ToBeVisibleAsync();

        // No reload on B: A's commit signals B (LISTEN/NOTIFY), whose open list queries again.
        await Assertions.Expect(onB.GetByTestId(title).Filter(new() { HasText = taskTitle })).ToBeVisibleAsync(new() { Timeout = 2_000 });
        await BrowserPortal.ScreenshotAsync(onB, "scale-out-live-update-on-b");
        await onA.Context.CloseAsync();
        await onB.Context.CloseAsync();
    }

    [Fact]
    public async Task Killing_the_instance_mid_edit_loses_neither_the_typed_input_nor_what_was_saved()
    {
        var page = await portal.NewPageOnAsync("a", "office1");
        (await ServedByAsync(page, "tasks/22")).Should().Be("a");
        await BrowserPortal.ChooseAsync(page, page.GetByTestId("task-editor"), "状态", "推进中");
        await BrowserPortal.Field(page, "edit-progress").FillAsync("10");
        await page.GetByTestId("edit-save").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "已保存任务 22" }).First).ToBeVisibleAsync();

        // Typed, not saved; the field is not even left. Then instance a dies without a word (SIGKILL).
        await BrowserPortal.Field(page, "edit-progress").FillAsync("60");
        await BrowserPortal.Field(page, "edit-summary").FillAsync("已完成现场核查，材料正在汇总");
        await KeptAsync("已完成现场核查");
        var reloaded = page.WaitForResponseAsync(r => r.Request.IsNavigationRequest && r.Url.EndsWith("/tasks/22", StringComparison.Ordinal), new() { Timeout = 30_000 });
        portal.Instance("a").Kill();

        try
        {
            // The circuit's socket drops; the reconnect goes through nginx to b, which does not know the circuit,
            // so the page reloads there and the form offers the input kept in the database.
            (await reloaded).Headers.Should().ContainKey("x-actionplan-instance").WhoseValue.Should().Be("b");
            await BrowserPortal.WaitInteractiveAsync(page);
            await Assertions.Expect(page.GetByTestId("restored-input")).ToBeVisibleAsync(new() { Timeout = 10_000 });
            await Assertions.Expect(BrowserPortal.Field(page, "edit-progress")).ToHaveValueAsync("60");
            await Assertions.Expect(BrowserPortal.Field(page, "edit-summary")).ToHaveValueAsync("已完成现场核查，材料正在汇总");
            await Assertions.Expect(page.GetByTestId("progress-value")).ToHaveTextAsync("进度：10%", new() { Timeout = 5_000 });
            await BrowserPortal.ScreenshotAsync(page, "scale-out-after-kill-on-b");

            await page.GetByTestId("edit-save").ClickAsync();
            await Assertions.Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "已保存任务 22" }).First).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("progress-value")).ToHaveTextAsync("进度：60%");
        }
        finally
        {
            await portal.Instance("a").StartAsync();
            await portal.WaitUntilNginxRoutesToAsync("a");
            await page.Context.CloseAsync();
        }
    }

    /// <summary>Waits until the task form's input containing <paramref name="text"/> is kept in the shared database.</summary>
    private async Task KeptAsync(string text)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        await using var connection = new Npgsql.NpgsqlConnection(portal.Database.ConnectionString);
        await connection.OpenAsync();
        await using var count = new Npgsql.NpgsqlCommand("""SELECT count(*) FROM "UnsavedInputs" WHERE "FormKey" LIKE 'task-edit:%' AND strpos("Content", @text) > 0""", connection);
        count.Parameters.AddWithValue("text", text);
        while ((long)(await count.ExecuteScalarAsync())! == 0)
        {
            DateTime.UtcNow.Should().BeBefore(until, "the typed input should be kept within a second");
            await Task.Delay(100);
        }
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
