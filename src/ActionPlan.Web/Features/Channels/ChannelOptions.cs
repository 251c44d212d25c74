using ActionPlan.Web.Infrastructure;

namespace ActionPlan.Web.Features.Channels;

/// <summary><c>Channels:*</c>: the outbox sender, the robots' addresses and limits, and the optional SMTP server.</summary>
public sealed class ChannelOptions : IValidatedOptions
{
    public const string Section = "Channels";

    /// <summary>Run the background sender (the outbox is written either way).</summary>
    public bool Enabled { get; set; } = true;

    public TimeSpan SendInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>企业微信's API address; a 政务微信 private deployment has its own.</summary>
    public string WeComBaseUrl { get; set; } = "https://qyapi.weixin.qq.com";

    public string DingTalkBaseUrl { get; set; } = "https://oapi.dingtalk.com";

    /// <summary>The robots accept 20 messages a minute each; more wait for the next minute.</summary>
    public int MessagesPerMinute { get; set; } = 20;

    /// <summary>Failed deliveries after which a message is given up (dead) until an administrator retries it.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>How long one delivery (HTTP request or SMTP session) may take.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Messages one sender pass takes at most.</summary>
    public int BatchSize { get; set; } = 100;

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The wait after the <paramref name="attempts"/>-th failure: 30 s, 2 min, 10 min, 1 h, then 3, 6 and 12 h.</summary>
    public static TimeSpan RetryDelay(int attempts) => Delays[Math.Clamp(attempts, 1, Delays.Length) - 1];

    private static readonly TimeSpan[] Delays =
    [
        TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1),
        TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(12),
    ];

    /// <summary>How long a sender holds the messages it took; it stops sending well before, so no other sender takes them meanwhile.</summary>
    public TimeSpan ClaimLease => TimeSpan.FromTicks(Math.Max(RequestTimeout.Ticks * 6, TimeSpan.FromMinutes(2).Ticks));

    public IEnumerable<string> Problems()
    {
        if (SendInterval <= TimeSpan.Zero)
        {
            yield return $"{Section}:SendInterval must be a positive time span such as 00:00:10 (is {SendInterval}).";
        }

        foreach (var (key, value) in new[] { (nameof(WeComBaseUrl), WeComBaseUrl), (nameof(DingTalkBaseUrl), DingTalkBaseUrl) })
        {
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(uri.Query))
            {
                yield return $"{Section}:{key} must be an absolute http(s) address without a query, such as https://qyapi.weixin.qq.com (is '{value}').";
            }
        }

        if (MessagesPerMinute is < 1 or > 1000)
        {
            yield return $"{Section}:MessagesPerMinute must be between 1 and 1000 (is {MessagesPerMinute}).";
        }

        if (MaxAttempts is < 1 or > 50)
        {
            yield return $"{Section}:MaxAttempts must be between 1 and 50 (is {MaxAttempts}).";
        }

        if (RequestTimeout <= TimeSpan.Zero || RequestTimeout > TimeSpan.FromMinutes(5))
        {
            yield return $"{Section}:RequestTimeout must be a positive time span of at most 00:05:00 (is {RequestTimeout}).";
        }

        if (BatchSize is < 1 or > 10000)
        {
            yield return $"{Section}:BatchSize must be between 1 and 10000 (is {BatchSize}).";
        }

        foreach (var problem in Smtp.Problems(Section + ":Smtp"))
        {
            yield return problem;
        }
    }
}
