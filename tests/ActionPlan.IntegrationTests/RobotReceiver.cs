using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ActionPlan.IntegrationTests;

/// <summary>
/// A local stand-in for the 企业微信 and 钉钉 robots: Kestrel on 127.0.0.1 and a free port, recording each
/// POST and answering as <see cref="Answer"/> says (errcode 0 by default), so no request leaves the machine.
/// </summary>
public sealed class RobotReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RobotReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<RobotRequest> Requests { get; } = new();

    /// <summary>The status and body of the next answers; change it to make the robot fail or recover.</summary>
    public (int Status, string Body) Answer { get; set; } = (200, """{"errcode":0,"errmsg":"ok"}""");

    public string BaseUrl { get; private set; } = "";

    public static async Task<RobotReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new RobotReceiver(app);
        app.MapPost("/{**path}", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            receiver.Requests.Enqueue(new RobotRequest(context.Request.Path.Value ?? "", context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()), body));
            var (status, answer) = receiver.Answer;
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer);
        });
        await app.StartAsync();
        receiver.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One POST the robot stand-in received.</summary>
public sealed record RobotRequest(string Path, IReadOnlyDictionary<string, string> Query, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}
