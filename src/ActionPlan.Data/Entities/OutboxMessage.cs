namespace ActionPlan.Data.Entities;

/// <summary>
/// One message waiting for, or done with, delivery through one channel. Written in the transaction of what
/// causes it; (channel, source, key) is unique, so it exists once whatever the number of instances.
/// Times are UTC <see cref="DateTime"/>s, not DateTimeOffset: the sender compares and orders them in SQL,
/// which SQLite can do only on DateTime.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }
    public int ChannelId { get; set; }
    public MessageChannel Channel { get; set; } = null!;

    public OutboxSource SourceKind { get; set; }

    /// <summary>The cause's key within its kind: a scan batch, a chase id, a test's random id.</summary>
    public required string SourceKey { get; set; }

    /// <summary>钉钉's message title and the e-mail subject.</summary>
    public required string Title { get; set; }

    /// <summary>The message in markdown (the robots' subset: headings, bold, lists, quotes).</summary>
    public required string Body { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Not sent before this moment: the creation, then the back-off after each failure, or the robot's next free minute.</summary>
    public DateTime NextAttemptAt { get; set; }

    /// <summary>A sender has taken it until then; another sender leaves it alone meanwhile.</summary>
    public DateTime? ClaimedUntil { get; set; }

    /// <summary>Failed deliveries so far.</summary>
    public int Attempts { get; set; }

    public DateTime? SentAt { get; set; }

    /// <summary>What the last failure said (status, the robot's errcode and errmsg, the SMTP reply); never a key or secret.</summary>
    public string? LastError { get; set; }

    /// <summary>Given up after the last allowed attempt; the administrator may retry it (重试).</summary>
    public bool IsDead { get; set; }
}
