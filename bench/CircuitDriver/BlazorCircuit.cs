using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace CircuitDriver;

/// <summary>
/// One Blazor Server circuit driven without a browser, as blazor.web.js (.NET 10) drives it: a hub connection to
/// /_blazor in the blazorpack protocol, StartCircuit and UpdateRootComponents from the prerendered page's markers,
/// every render batch acknowledged (and, when <c>trackDom</c>, applied to a <see cref="RenderedDom"/>), the server's
/// JS calls answered, UI events dispatched through the renderer's DispatchEventAsync and navigations as OnLocationChanged.
/// </summary>
internal sealed class BlazorCircuit : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly PortalHttp _http;
    private readonly CircuitStats _stats;
    private readonly RenderedDom? _dom;
    private readonly Lock _gate = new();
    private readonly List<(Func<bool> Condition, TaskCompletionSource Done)> _waiters = [];
    private readonly Dictionary<string, TaskCompletionSource<string>> _pendingDotNetCalls = [];
    private long _rendererInteropObjectId = -1;
    private int _nextCallId;
    private int _nextJsObjectId = 1;
    private string? _secret;

    private BlazorCircuit(PortalHttp http, CircuitStats stats, bool trackDom)
    {
        _http = http;
        _stats = stats;
        _dom = trackDom ? new RenderedDom() : null;
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(http.BaseUri, "_blazor"), HttpTransportType.WebSockets, options => options.Headers["Cookie"] = http.CookieHeader);
        // Registered after the builder's JSON protocol, so the connection takes this one.
        builder.Services.AddSingleton<IHubProtocol>(new BlazorPackHubProtocol());
        _connection = builder.Build();
        _connection.On<long, byte[]>("JS.RenderBatch", OnRenderBatchAsync);
        _connection.On<long, string, string, int, long, int>("JS.BeginInvokeJS", OnBeginInvokeJSAsync);
        _connection.On<string, bool, string>("JS.EndInvokeDotNet", OnEndInvokeDotNet);
        _connection.On<long>("JS.EndUpdateRootComponents", batchId => Signal(() => RootComponentsUpdated = Math.Max(RootComponentsUpdated, batchId)));
        // A root component placed at its prerendered markers; the DOM here takes any component it has not seen as a root.
        _connection.On<int, string>("JS.AttachComponent", (_, _) => _stats.JsCalls.AddOrUpdate("JS.AttachComponent", 1, (_, n) => n + 1));
        _connection.On<string>("JS.Error", message => _stats.Error("js-error", message));
        _connection.Closed += error =>
        {
            if (!Disposing)
            {
                _stats.Error("connection-closed", error?.Message ?? "closed by the server");
            }

            Signal(() => Closed = true);
            return Task.CompletedTask;
        };
    }

    public RenderedDom Dom => _dom ?? throw new InvalidOperationException("This circuit does not keep its DOM.");

    public long BatchesReceived { get; private set; }

    public long RootComponentsUpdated { get; private set; }

    public bool Closed { get; private set; }

    /// <summary>Incremented by every location change this driver sent (a navigation the server asked for).</summary>
    public int LocationChanges { get; private set; }

    public string Location { get; private set; } = "";

    private bool Disposing { get; set; }

    /// <summary>GETs <paramref name="path"/> (prerendered), starts a circuit for its markers and waits until the page is interactive.</summary>
    public static async Task<BlazorCircuit> OpenAsync(PortalHttp http, string path, CircuitStats stats, bool trackDom, CancellationToken cancellationToken)
    {
        var page = await http.GetPageAsync(path, cancellationToken);
        if (page.ServerMarkers.Count == 0)
        {
            throw new InvalidOperationException($"/{path} has no interactive server component markers.");
        }

        var circuit = new BlazorCircuit(http, stats, trackDom) { Location = page.Uri.ToString() };
        try
        {
            await circuit._connection.StartAsync(cancellationToken);
            circuit._secret = await circuit._connection.InvokeAsync<string?>(
                "StartCircuit", http.BaseUri.ToString(), page.Uri.ToString(), "[]", page.ApplicationState, cancellationToken)
                ?? throw new InvalidOperationException("StartCircuit returned no circuit id.");
            await circuit._connection.SendAsync("UpdateRootComponents", page.AddOperationsJson(1), page.ApplicationState, cancellationToken);
            // Interactive once the root components are added and their first renders are in.
            await circuit.WaitForAsync(() => circuit.RootComponentsUpdated >= 1 && circuit.BatchesReceived > 0, TimeSpan.FromSeconds(60), "the first render", cancellationToken);
            return circuit;
        }
        catch
        {
            await circuit.DisposeAsync();
            throw;
        }
    }

    /// <summary>Completes when <paramref name="condition"/> holds after a render batch (or now); throws after <paramref name="timeout"/>.</summary>
    public async Task WaitForAsync(Func<bool> condition, TimeSpan timeout, string what, CancellationToken cancellationToken)
    {
        TaskCompletionSource done;
        lock (_gate)
        {
            if (condition())
            {
                return;
            }

            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((condition, done));
        }

        try
        {
            await done.Task.WaitAsync(timeout, cancellationToken);
            lock (_gate)
            {
                if (!condition())
                {
                    throw new InvalidOperationException($"The connection closed while waiting for {what}.");
                }
            }
        }
        catch (TimeoutException)
        {
            lock (_gate)
            {
                _waiters.RemoveAll(w => w.Done == done);
            }

            throw new TimeoutException($"Waited {timeout.TotalSeconds:N0} s for {what}{(Closed ? " (the connection is closed)" : "")}.");
        }
    }

    /// <summary>Completes once no render batch has arrived for <paramref name="quiet"/>: the page has settled after an action.</summary>
    public async Task WaitQuietAsync(TimeSpan quiet, CancellationToken cancellationToken)
    {
        long seen;
        do
        {
            seen = BatchesReceived;
            await Task.Delay(quiet, cancellationToken);
        }
        while (seen != BatchesReceived);
    }

    /// <summary>Reads the DOM under the circuit's lock (render batches apply under it).</summary>
    public T Read<T>(Func<RenderedDom, T> read)
    {
        lock (_gate)
        {
            return read(Dom);
        }
    }

    /// <summary>
    /// Dispatches a UI event on <paramref name="element"/> as the browser's event delegator does: the renderer's
    /// DispatchEventAsync with the event descriptor (handler ID, event name, the field value of a form field) and the event args.
    /// </summary>
    public Task DispatchEventAsync(DomNode element, string eventName, object eventArgs, string? fieldValue = null)
    {
        (ulong HandlerId, int ComponentId) handler;
        lock (_gate)
        {
            if (element.Events is null || !element.Events.TryGetValue(eventName, out handler))
            {
                throw new InvalidOperationException($"<{element.Tag}> has no {eventName} handler.");
            }
        }

        if (_rendererInteropObjectId < 0)
        {
            throw new InvalidOperationException("The server has not attached its renderer's interop object yet.");
        }

        var descriptor = new JsonObject
        {
            ["eventHandlerId"] = handler.HandlerId,
            ["eventName"] = eventName,
            ["eventFieldInfo"] = fieldValue is null ? null : new JsonObject { ["componentId"] = handler.ComponentId, ["fieldValue"] = fieldValue },
        };
        var args = new JsonArray(descriptor, JsonSerializer.SerializeToNode(eventArgs, WebJson)).ToJsonString();
        var callId = Interlocked.Increment(ref _nextCallId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var result = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _pendingDotNetCalls[callId] = result;
        }

        // blazor.web.js: invokeMethodAsync("DispatchEventAsync", descriptor, args) on the renderer's DotNetObjectReference.
        return SendThenAwaitAsync(_connection.SendAsync("BeginInvokeDotNetFromJS", callId, null, "DispatchEventAsync", _rendererInteropObjectId, args), result.Task);
    }

    private static async Task SendThenAwaitAsync(Task send, Task<string> result)
    {
        await send;
        await result.WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>A navigation by the interactive router, as after a link click or NavigateTo: OnLocationChanged(uri, state, intercepted).</summary>
    public Task NavigateAsync(string uri, bool intercepted)
    {
        var absolute = new Uri(_http.BaseUri, uri).ToString();
        lock (_gate)
        {
            Location = absolute;
            LocationChanges++;
        }

        return _connection.SendAsync("OnLocationChanged", absolute, null, intercepted);
    }

    public async ValueTask DisposeAsync()
    {
        Disposing = true;
        try
        {
            await _connection.DisposeAsync();
            if (_secret is not null)
            {
                // The browser's unload beacon: the server ends the circuit now instead of keeping it as disconnected.
                await _http.PostDisconnectAsync(_secret);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            // Closing a circuit is best effort at the end of a run.
        }
    }

    private async Task OnRenderBatchAsync(long batchId, byte[] data)
    {
        string? error = null;
        try
        {
            lock (_gate)
            {
                _dom?.Apply(data);
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentOutOfRangeException or IndexOutOfRangeException or InvalidOperationException or NullReferenceException)
        {
            error = ex.ToString();
            _stats.Error("render-batch", $"batch {batchId}: {ex.Message}");
        }

        await _connection.SendAsync("OnRenderCompleted", batchId, error);
        Signal(() => BatchesReceived++);
    }

    private async Task OnBeginInvokeJSAsync(long asyncHandle, string identifier, string argsJson, int resultType, long targetInstanceId, int callType)
    {
        _stats.JsCalls.AddOrUpdate(identifier, 1, (_, n) => n + 1);
        string result = "null";
        switch (identifier)
        {
            case "Blazor._internal.attachWebRendererInterop":
                // [rendererId, {"__dotNetObject": id}, …]: the object whose DispatchEventAsync takes UI events.
                _rendererInteropObjectId = (long)JsonNode.Parse(argsJson)![1]!["__dotNetObject"]!;
                break;
            case "Blazor._internal.navigationManager.navigateTo":
                var navigation = JsonNode.Parse(argsJson)!.AsArray();
                if ((bool?)navigation[1]?["forceLoad"] == true)
                {
                    _stats.Error("unsupported", $"a forced page load to {navigation[0]}");
                    break;
                }

                if (asyncHandle != 0)
                {
                    await EndInvokeJSAsync(asyncHandle, result);
                }

                await NavigateAsync((string)navigation[0]!, intercepted: false);
                return;
            case "mudpopoverHelper.countProviders":
                // The layout's one MudPopoverProvider (MudBlazor logs an error when a popover finds none).
                result = "1";
                break;
            case "window.hasOwnProperty":
                result = "true";
                break;
            case "mudResizeListener.getBrowserWindowSize":
                result = """{"height":1080,"width":1920}""";
                break;
            case "mudElementRef.getBoundingClientRect":
                result = """{"x":0,"y":0,"width":200,"height":40,"top":0,"left":0,"right":200,"bottom":40,"windowHeight":1080,"windowWidth":1920,"scrollX":0,"scrollY":0}""";
                break;
            default:
                // MudBlazor's observers, focus and the like: a browser would return nothing, or an object reference.
                if (resultType == 1)
                {
                    result = $"{{\"__jsObjectId\":{Interlocked.Increment(ref _nextJsObjectId)}}}";
                }

                break;
        }

        if (asyncHandle != 0)
        {
            await EndInvokeJSAsync(asyncHandle, result);
        }
    }

    private Task EndInvokeJSAsync(long asyncHandle, string resultJson) =>
        _connection.SendAsync("EndInvokeJSFromDotNet", asyncHandle, true, $"[{asyncHandle},true,{resultJson}]");

    private void OnEndInvokeDotNet(string callId, bool success, string resultOrError)
    {
        TaskCompletionSource<string>? pending;
        lock (_gate)
        {
            _pendingDotNetCalls.Remove(callId, out pending);
        }

        if (!success)
        {
            _stats.Error("dotnet-call", resultOrError);
            pending?.TrySetException(new InvalidOperationException(resultOrError));
        }
        else
        {
            pending?.TrySetResult(resultOrError);
        }
    }

    private void Signal(Action change)
    {
        List<TaskCompletionSource>? done = null;
        lock (_gate)
        {
            change();
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (Closed || _waiters[i].Condition())
                {
                    (done ??= []).Add(_waiters[i].Done);
                    _waiters.RemoveAt(i);
                }
            }
        }

        done?.ForEach(d => d.TrySetResult());
    }

    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    public static long Timestamp() => Stopwatch.GetTimestamp();
}
