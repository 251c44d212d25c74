using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ActionPlan.Data.Entities;

namespace ActionPlan.Web.Features.Channels;

/// <summary>
/// Delivers one message through one channel: the 企业微信 or 钉钉 robot's webhook (markdown, success when the
/// answer's errcode is 0) or e-mail. Addresses are the configured base URLs with the channel's key, so neither
/// the key nor the secret is ever logged or shown; errors name the status and the robot's errcode.
/// </summary>
public sealed class ChannelDelivery(IHttpClientFactory clients, ChannelOptions options, MailSender mail, TimeProvider time)
{
    public const string HttpClientName = "channels";

    /// <summary>企业微信 takes at most 4,096 bytes of markdown content.</summary>
    private const int WeComContentBytes = 4096;

    /// <summary>钉钉 refuses messages over 20,000 bytes; the body stays well under with its title.</summary>
    private const int DingTalkTextBytes = 18000;

    // 企业微信 45009 (api freq out of limit) and 钉钉 130101 (send too fast): the robot's own minute is full.
    private static readonly HashSet<int> TooFast = [45009, 130101];

    public async Task<DeliveryOutcome> SendAsync(MessageChannel channel, string title, string body, CancellationToken cancellationToken)
    {
        try
        {
            return channel.Kind switch
            {
                ChannelKind.WeCom => await PostAsync(
                    $"{options.WeComBaseUrl.TrimEnd('/')}/cgi-bin/webhook/send?key={Uri.EscapeDataString(channel.Target)}",
                    new JsonObject { ["msgtype"] = "markdown", ["markdown"] = new JsonObject { ["content"] = Fit(body, WeComContentBytes) } },
                    cancellationToken),
                ChannelKind.DingTalk => await PostAsync(DingTalkAddress(channel),
                    new JsonObject { ["msgtype"] = "markdown", ["markdown"] = new JsonObject { ["title"] = title, ["text"] = Fit(body, DingTalkTextBytes) } },
                    cancellationToken),
                ChannelKind.Email => await mail.SendAsync(channel.Target, title, body, cancellationToken),
                _ => DeliveryOutcome.Failed($"未知的通道类型 {channel.Kind}"),
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryOutcome.Failed($"超时（{options.RequestTimeout.TotalSeconds:0} 秒内无应答）");
        }
        catch (HttpRequestException ex)
        {
            // The message names the host and the socket error, never the address's query (the key).
            return DeliveryOutcome.Failed($"连接失败：{ex.HttpRequestError} {ex.InnerException?.Message ?? ex.Message}");
        }
    }

    private string DingTalkAddress(MessageChannel channel)
    {
        var address = $"{options.DingTalkBaseUrl.TrimEnd('/')}/robot/send?access_token={Uri.EscapeDataString(channel.Target)}";
        if (string.IsNullOrEmpty(channel.Secret))
        {
            return address;
        }

        var timestamp = time.GetUtcNow().ToUnixTimeMilliseconds();
        return $"{address}&timestamp={timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture)}&sign={DingTalkSignature.Sign(timestamp, channel.Secret)}";
    }

    private async Task<DeliveryOutcome> PostAsync(string address, JsonObject message, CancellationToken cancellationToken)
    {
        var client = clients.CreateClient(HttpClientName);
        using var response = await client.PostAsJsonAsync(address, message, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return DeliveryOutcome.Failed($"HTTP {(int)response.StatusCode} {Cut(text, 200)}".TrimEnd());
        }

        try
        {
            using var answer = JsonDocument.Parse(text);
            var code = answer.RootElement.TryGetProperty("errcode", out var errcode) && errcode.TryGetInt32(out var value) ? value : (int?)null;
            var errmsg = answer.RootElement.TryGetProperty("errmsg", out var m) ? m.ToString() : "";
            return code switch
            {
                0 => DeliveryOutcome.Success,
                { } tooFast when TooFast.Contains(tooFast) => new DeliveryOutcome(false, $"errcode {tooFast}：{Cut(errmsg, 200)}", Throttled: true),
                { } other => DeliveryOutcome.Failed($"errcode {other}：{Cut(errmsg, 300)}"),
                null => DeliveryOutcome.Failed($"应答中没有 errcode：{Cut(text, 200)}"),
            };
        }
        catch (JsonException)
        {
            return DeliveryOutcome.Failed($"应答不是 JSON：{Cut(text, 200)}");
        }
    }

    /// <summary>The text cut at a character boundary so its UTF-8 form has at most <paramref name="bytes"/> bytes.</summary>
    public static string Fit(string text, int bytes)
    {
        if (Encoding.UTF8.GetByteCount(text) <= bytes)
        {
            return text;
        }

        const string more = "\n……";
        var budget = bytes - Encoding.UTF8.GetByteCount(more);
        var length = 0;
        var used = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (used + rune.Utf8SequenceLength > budget)
            {
                break;
            }

            used += rune.Utf8SequenceLength;
            length += rune.Utf16SequenceLength;
        }

        return text[..length] + more;
    }

    private static string Cut(string text, int characters) => text.Length <= characters ? text : text[..characters] + "…";
}
