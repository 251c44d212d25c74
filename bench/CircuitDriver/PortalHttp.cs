using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CircuitDriver;

/// <summary>
/// Plain HTTP to the portal with one account's cookies. Cookies are kept by hand rather than in a CookieContainer:
/// in Production the portal marks them Secure, which a container would not send back over the loopback's http.
/// </summary>
internal sealed partial class PortalHttp(Uri baseUri, HttpMessageHandler handler)
{
    private readonly HttpClient _client = new(handler, disposeHandler: false) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(60) };
    private readonly Dictionary<string, string> _cookies = [];

    public Uri BaseUri => baseUri;

    /// <summary>The Cookie header a browser of this account would send.</summary>
    public string CookieHeader
    {
        get
        {
            lock (_cookies)
            {
                return string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}"));
            }
        }
    }

    /// <summary>Signs in through the portal's own form: its antiforgery token, then the form post; throws unless it lands signed in.</summary>
    public async Task SignInAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var login = await GetStringAsync("account/login", cancellationToken);
        var token = AntiforgeryInput().Match(login) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups["value"].Value)
            : throw new InvalidOperationException("The sign-in page has no antiforgery token.");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["userName"] = userName,
            ["password"] = password,
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "account/sign-in") { Content = form };
        using var response = await SendAsync(request, cancellationToken);
        var location = response.Headers.Location?.ToString() ?? "";
        if (response.StatusCode != HttpStatusCode.Redirect || location.Contains("login", StringComparison.OrdinalIgnoreCase) || location.Contains("error=", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Sign-in as {userName} failed: HTTP {(int)response.StatusCode}, redirect to '{location}'.");
        }
    }

    /// <summary>GETs a page as a browser's first load does and reads what blazor.web.js would read from it.</summary>
    public async Task<PrerenderedPage> GetPageAsync(string path, CancellationToken cancellationToken)
    {
        var html = await GetStringAsync(path, cancellationToken);
        return PrerenderedPage.Parse(new Uri(baseUri, path), html);
    }

    /// <summary>What a browser's unload beacon posts: the circuit ends at once instead of waiting as disconnected.</summary>
    public async Task PostDisconnectAsync(string circuitSecret)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["circuitId"] = circuitSecret });
        using var request = new HttpRequestMessage(HttpMethod.Post, "_blazor/disconnect") { Content = form };
        using var response = await SendAsync(request, CancellationToken.None);
    }

    public async Task<string> GetStringAsync(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        using var response = await SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET /{path}: HTTP {(int)response.StatusCode} (redirect to '{response.Headers.Location}').");
        }

        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var cookie = CookieHeader;
        if (cookie.Length > 0)
        {
            request.Headers.Add("Cookie", cookie);
        }

        var response = await _client.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            lock (_cookies)
            {
                foreach (var setCookie in setCookies)
                {
                    var pair = setCookie.Split(';', 2)[0];
                    var equals = pair.IndexOf('=');
                    if (equals > 0)
                    {
                        var (name, value) = (pair[..equals].Trim(), pair[(equals + 1)..].Trim());
                        // An expired cookie (sign-out, a cleared chunk) arrives with an empty value.
                        if (value.Length == 0)
                        {
                            _cookies.Remove(name);
                        }
                        else
                        {
                            _cookies[name] = value;
                        }
                    }
                }
            }
        }

        return response;
    }

    [GeneratedRegex("""<input[^>]*name="__RequestVerificationToken"[^>]*value="(?<value>[^"]*)"[^>]*>""")]
    private static partial Regex AntiforgeryInput();
}

/// <summary>A prerendered page: its address, the interactive-server component markers and the persisted component state.</summary>
internal sealed partial record PrerenderedPage(Uri Uri, string Html, IReadOnlyList<JsonObject> ServerMarkers, string ApplicationState)
{
    public static PrerenderedPage Parse(Uri uri, string html)
    {
        var markers = new List<JsonObject>();
        foreach (Match comment in Comment().Matches(html))
        {
            var text = comment.Groups["text"].Value.Trim();
            if (text.StartsWith("Blazor:", StringComparison.Ordinal) && text.IndexOf('{') is var brace and >= 0 &&
                JsonNode.Parse(text[brace..]) is JsonObject marker && (string?)marker["type"] == "server")
            {
                markers.Add(marker);
            }
        }

        var state = Comment().Matches(html).Select(c => c.Groups["text"].Value.Trim())
            .FirstOrDefault(t => t.StartsWith("Blazor-Server-Component-State:", StringComparison.Ordinal)) is { } s
            ? s["Blazor-Server-Component-State:".Length..]
            : "";
        // blazor.web.js hands the markers to the circuit in their sequence order.
        markers.Sort((a, b) => ((int?)a["sequence"] ?? 0).CompareTo((int?)b["sequence"] ?? 0));
        return new PrerenderedPage(uri, html, markers, state);
    }

    /// <summary>UpdateRootComponents' operations, as blazor.web.js writes them on the first update: one "add" per marker.</summary>
    public string AddOperationsJson(int batchId)
    {
        var operations = new JsonArray();
        for (var i = 0; i < ServerMarkers.Count; i++)
        {
            operations.Add(new JsonObject
            {
                ["type"] = "add",
                ["ssrComponentId"] = i + 1,
                ["marker"] = ServerMarkers[i].DeepClone(),
            });
        }

        return new JsonObject { ["batchId"] = batchId, ["operations"] = operations }.ToJsonString(JsonOptions);
    }

    private static readonly JsonSerializerOptions JsonOptions = new();

    [GeneratedRegex("<!--(?<text>.*?)-->", RegexOptions.Singleline)]
    private static partial Regex Comment();
}
