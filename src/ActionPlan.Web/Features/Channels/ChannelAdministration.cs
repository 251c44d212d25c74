using System.Globalization;
using System.Text.RegularExpressions;
using ActionPlan.Data;
using ActionPlan.Data.Configurations;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace ActionPlan.Web.Features.Channels;

/// <summary>
/// 消息通道 for administrators: list, add, edit, switch on and off, delete, send a test message, read the
/// outbox and retry what was given up. Every method checks the caller on the server; changes to a channel
/// are audited in the same transaction, never with its key or secret.
/// </summary>
public sealed partial class ChannelAdministration(IDbContextFactory<AppDbContext> contexts, ChannelOptions options, AuditWriter audit, TimeProvider time, ILogger<ChannelAdministration> logger)
{
    private const string NotAllowed = "只有系统管理员可以管理消息通道。";
    private const int MaxAddresses = 20;

    /// <summary>Messages the outbox view lists at most per state (newest first).</summary>
    public const int OutboxRows = 200;

    /// <summary>Whether e-mail channels can be created: only with an SMTP server configured.</summary>
    public bool EmailAvailable => options.Smtp.IsConfigured;

    public string WeComBaseUrl => options.WeComBaseUrl;

    public string DingTalkBaseUrl => options.DingTalkBaseUrl;

    public async Task<IReadOnlyList<ChannelRow>> ListAsync(AccessScope actor, CancellationToken cancellationToken = default)
    {
        if (!actor.IsAdmin)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.MessageChannels.AsNoTracking()
            .OrderBy(c => c.LeadUnitId != null).ThenBy(c => c.Id)
            .Select(c => new
            {
                c.Id, c.Kind, c.Name, c.LeadUnitId, Unit = c.LeadUnit != null ? c.LeadUnit.Name : null, c.Target, c.Secret, c.IsEnabled,
                LastSent = db.OutboxMessages.Where(m => m.ChannelId == c.Id && m.SentAt != null).Max(m => m.SentAt),
                Pending = db.OutboxMessages.Count(m => m.ChannelId == c.Id && m.SentAt == null && !m.IsDead),
                Retrying = db.OutboxMessages.Count(m => m.ChannelId == c.Id && m.SentAt == null && !m.IsDead && m.Attempts > 0),
                Dead = db.OutboxMessages.Count(m => m.ChannelId == c.Id && m.IsDead),
                LastError = db.OutboxMessages.Where(m => m.ChannelId == c.Id && m.SentAt == null && m.LastError != null).OrderByDescending(m => m.Id).Select(m => m.LastError).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(c => new ChannelRow(c.Id, c.Kind, c.Name, c.LeadUnitId, c.Unit ?? ChannelText.OfficeGroup,
            c.Kind == ChannelKind.Email ? c.Target : ChannelText.Mask(c.Target), !string.IsNullOrEmpty(c.Secret), c.IsEnabled,
            Utc(c.LastSent), c.Pending, c.Retrying, c.Dead, c.LastError)).ToList();
    }

    public async Task<ChannelResult> SaveAsync(AccessScope actor, ChannelInput input, CancellationToken cancellationToken = default)
    {
        if (!actor.IsAdmin)
        {
            return ChannelResult.Fail(NotAllowed);
        }

        var name = input.Name.Trim();
        if (name.Length == 0)
        {
            return ChannelResult.Fail("请填写通道名称。", nameof(ChannelInput.Name));
        }

        if (name.Length > MessageChannelConfiguration.NameLength)
        {
            return ChannelResult.Fail($"通道名称最多 {MessageChannelConfiguration.NameLength} 个字。", nameof(ChannelInput.Name));
        }

        if (input.Kind == ChannelKind.Email && !EmailAvailable)
        {
            return ChannelResult.Fail("未配置邮件服务器（Channels:Smtp:Host），不能使用电子邮件通道；请联系运维人员配置 SMTP 后再添加。", nameof(ChannelInput.Kind));
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        MessageChannel? channel = null;
        if (input.Id is { } id)
        {
            channel = await db.MessageChannels.Include(c => c.LeadUnit).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (channel is null)
            {
                return ChannelResult.Fail("该通道不存在（可能已被删除）。");
            }
        }

        var keepTarget = channel is not null && channel.Kind == input.Kind && string.IsNullOrWhiteSpace(input.Target);
        string target;
        if (keepTarget)
        {
            target = channel!.Target;
        }
        else if (ParseTarget(input.Kind, input.Target) is { Error: { } targetError })
        {
            return ChannelResult.Fail(targetError, nameof(ChannelInput.Target));
        }
        else
        {
            target = ParseTarget(input.Kind, input.Target).Value!;
        }

        string? secret = null;
        if (input.Kind == ChannelKind.DingTalk)
        {
            var typed = input.Secret.Trim();
            secret = typed.Length == 0 && channel is { Kind: ChannelKind.DingTalk } ? channel.Secret : typed;
            if (!DingTalkSecret().IsMatch(secret ?? ""))
            {
                return ChannelResult.Fail("请填写钉钉机器人“加签”的密钥：以 SEC 开头，由字母和数字组成（机器人安全设置中可复制）。", nameof(ChannelInput.Secret));
            }
        }

        string? unit = null;
        if (input.LeadUnitId is { } unitId)
        {
            unit = await db.LeadUnits.Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync(cancellationToken);
            if (unit is null)
            {
                return ChannelResult.Fail("所选牵头单位不存在。", nameof(ChannelInput.LeadUnitId));
            }
        }

        var now = time.GetUtcNow();
        var before = channel is null ? null : Describe(channel.Kind, channel.Name, channel.LeadUnit?.Name, channel.IsEnabled);
        var after = Describe(input.Kind, name, unit, input.IsEnabled);
        if (channel is null)
        {
            channel = new MessageChannel { Name = name, Target = target, CreatedAt = now };
            db.MessageChannels.Add(channel);
        }

        var keyChanged = channel.Target != target || channel.Secret != secret;
        channel.Kind = input.Kind;
        channel.Name = name;
        channel.LeadUnitId = input.LeadUnitId;
        channel.Target = target;
        channel.Secret = secret;
        channel.IsEnabled = input.IsEnabled;
        channel.UpdatedAt = now;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var created = before is null;
        audit.ChannelChanged(db, actor, channel.Id, created ? AuditAction.CreateChannel : AuditAction.EditChannel,
            new AuditChange(AuditField.Channel, before, after + (!created && keyChanged ? "，已更换地址或密钥" : "")));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("{Actor} {Change} channel {ChannelId} ({Kind}) for {Unit}", actor.UserName, created ? "created" : "changed", channel.Id, channel.Kind, unit ?? ChannelText.OfficeGroup);
        return ChannelResult.Ok(created ? $"已添加通道“{name}”（{ChannelText.Label(input.Kind)}，{unit ?? ChannelText.OfficeGroup}）。" : $"已保存通道“{name}”。");
    }

    public async Task<ChannelResult> SetEnabledAsync(AccessScope actor, int channelId, bool enabled, CancellationToken cancellationToken = default)
    {
        if (!actor.IsAdmin)
        {
            return ChannelResult.Fail(NotAllowed);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var channel = await db.MessageChannels.Include(c => c.LeadUnit).FirstOrDefaultAsync(c => c.Id == channelId, cancellationToken);
        if (channel is null)
        {
            return ChannelResult.Fail("该通道不存在（可能已被删除）。");
        }

        if (channel.IsEnabled == enabled)
        {
            return ChannelResult.Ok(enabled ? $"通道“{channel.Name}”已是启用状态。" : $"通道“{channel.Name}”已是停用状态。");
        }

        var before = Describe(channel.Kind, channel.Name, channel.LeadUnit?.Name, channel.IsEnabled);
        channel.IsEnabled = enabled;
        channel.UpdatedAt = time.GetUtcNow();
        audit.ChannelChanged(db, actor, channel.Id, AuditAction.EditChannel, new AuditChange(AuditField.Channel, before, Describe(channel.Kind, channel.Name, channel.LeadUnit?.Name, enabled)));
        await db.SaveChangesAsync(cancellationToken);
        return ChannelResult.Ok(enabled ? $"已启用通道“{channel.Name}”，待发送的消息将陆续发出。" : $"已停用通道“{channel.Name}”：消息仍会记录，启用后再发送。");
    }

    public async Task<ChannelResult> DeleteAsync(AccessScope actor, int channelId, CancellationToken cancellationToken = default)
    {
        if (!actor.IsAdmin)
        {
            return ChannelResult.Fail(NotAllowed);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var channel = await db.MessageChannels.Include(c => c.LeadUnit).FirstOrDefaultAsync(c => c.Id == channelId, cancellationToken);
        if (channel is null)
        {
            return ChannelResult.Fail("该通道不存在（可能已被删除）。");
        }

        // The channel's outbox goes with it (cascade); the audit row keeps what it was.
        db.MessageChannels.Remove(channel);
        audit.ChannelChanged(db, actor, channel.Id, AuditAction.DeleteChannel, new AuditChange(AuditField.Channel, Describe(channel.Kind, channel.Name, channel.LeadUnit?.Name, channel.IsEnabled), null));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("{Actor} deleted channel {ChannelId}", actor.UserName, channelId);
        return ChannelResult.Ok($"已删除通道“{channel.Name}”及其发送记录。");
    }

    /// <summary>发送测试消息: a message for this channel alone, sent by the next pass like any other.</summary>
    public async Task<ChannelResult> SendTestAsync(AccessScope actor, int channelId, CancellationToken cancellationToken = default)
    {
        if (!actor.IsAdmin)
        {
            return ChannelResult.Fail(NotAllowed);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var channel = await db.MessageChannels.AsNoTracking().Where(c => c.Id == channelId)
            .Select(c => new { c.Name, c.IsEnabled, Unit = c.LeadUnit != null ? c.LeadUnit.Name : null }).FirstOrDefaultAsync(cancellationToken);
        if (channel is null)
        {
            return ChannelResult.Fail("该通道不存在（可能已被删除）。");
        }

        var now = time.GetUtcNow().UtcDateTime;
        db.OutboxMessages.Add(new OutboxMessage
        {
            ChannelId = channelId,
            SourceKind = OutboxSource.Test,
            SourceKey = Guid.NewGuid().ToString("N"),
            Title = "测试消息：" + channel.Name,
            Body = $"### 【测试】营商环境行动计划落实跟踪平台\n\n通道“{channel.Name}”（{channel.Unit ?? ChannelText.OfficeGroup}）可以收到平台的预警和催报消息。\n\n> 由 {actor.UserName} 于 {now.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}（UTC）发送",
            CreatedAt = now,
            NextAttemptAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        return ChannelResult.Ok(channel.IsEnabled
            ? $"测试消息已加入发送队列，{options.SendInterval.TotalSeconds:0} 秒内发出；结果见“发送记录”。"
            : $"测试消息已加入发送队列，但通道“{channel.Name}”已停用，启用后才会发出。");
    }

    /// <summary>The newest messages in <paramref name="state"/> (of one channel, or all), with the count of each state.</summary>
    public async Task<OutboxPage> OutboxAsync(AccessScope actor, OutboxState state, int? channelId = null, CancellationToken cancellationToken = default)
    {
        if (!actor.IsAdmin)
        {
            return new OutboxPage([], 0, 0, 0);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var all = db.OutboxMessages.AsNoTracking().Where(m => channelId == null || m.ChannelId == channelId);
        var counts = await all.GroupBy(m => m.SentAt != null ? 1 : m.IsDead ? 2 : 0).Select(g => new { State = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var filtered = state switch
        {
            OutboxState.Sent => all.Where(m => m.SentAt != null),
            OutboxState.Dead => all.Where(m => m.SentAt == null && m.IsDead),
            _ => all.Where(m => m.SentAt == null && !m.IsDead),
        };
        var rows = await filtered.OrderByDescending(m => m.Id).Take(OutboxRows)
            .Select(m => new { m.Id, m.ChannelId, Channel = m.Channel.Name, m.Channel.Kind, m.SourceKind, m.Title, m.CreatedAt, m.NextAttemptAt, m.Attempts, m.SentAt, m.LastError, m.IsDead })
            .ToListAsync(cancellationToken);
        int Count(int key) => counts.FirstOrDefault(c => c.State == key)?.Count ?? 0;
        return new OutboxPage(
            rows.Select(m => new OutboxRow(m.Id, m.ChannelId, m.Channel, m.Kind, m.SourceKind, m.Title, Utc(m.CreatedAt), Utc(m.NextAttemptAt), m.Attempts, Utc(m.SentAt), m.LastError, m.IsDead)).ToList(),
            Count(0), Count(1), Count(2));
    }

    /// <summary>重试: a given-up message is due again at once, with a fresh count of attempts.</summary>
    public async Task<ChannelResult> RetryAsync(AccessScope actor, long messageId, CancellationToken cancellationToken = default)
    {
        if (!actor.IsAdmin)
        {
            return ChannelResult.Fail(NotAllowed);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var changed = await db.OutboxMessages.Where(m => m.Id == messageId && m.IsDead && m.SentAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.IsDead, false).SetProperty(m => m.Attempts, 0).SetProperty(m => m.NextAttemptAt, now).SetProperty(m => m.ClaimedUntil, (DateTime?)null), cancellationToken);
        if (changed == 0)
        {
            return ChannelResult.Fail("该消息不是失败状态（可能已重试或已删除）。");
        }

        logger.LogInformation("{Actor} retries outbox message {MessageId}", actor.UserName, messageId);
        return ChannelResult.Ok($"已重新加入发送队列，{options.SendInterval.TotalSeconds:0} 秒内重试。");
    }

    /// <summary>The key (or access token, or addresses) from what the administrator typed or pasted, or what to fix.</summary>
    public (string? Value, string? Error) ParseTarget(ChannelKind kind, string typed)
    {
        var text = typed.Trim();
        if (kind == ChannelKind.Email)
        {
            var addresses = MailSender.Addresses(text);
            if (addresses.Count == 0)
            {
                return (null, "请填写至少一个邮件地址，多个地址用分号隔开。");
            }

            if (addresses.Count > MaxAddresses)
            {
                return (null, $"一个通道最多 {MaxAddresses} 个邮件地址。");
            }

            var wrong = addresses.FirstOrDefault(a => !MailboxAddress.TryParse(a, out var parsed) || !parsed.Address.Contains('@', StringComparison.Ordinal) || parsed.Address.EndsWith('@'));
            return wrong is not null ? (null, $"“{wrong}”不是有效的邮件地址。") : (string.Join("; ", addresses), null);
        }

        var (baseUrl, path, parameter, label) = kind == ChannelKind.WeCom
            ? (options.WeComBaseUrl, "/cgi-bin/webhook/send", "key", "企业微信")
            : (options.DingTalkBaseUrl, "/robot/send", "access_token", "钉钉");
        if (text.Length == 0)
        {
            return (null, $"请粘贴{label}机器人的 Webhook 地址。");
        }

        string key;
        if (text.Contains("://", StringComparison.Ordinal))
        {
            var expected = baseUrl.TrimEnd('/') + path;
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
            {
                return (null, "Webhook 地址格式不正确。");
            }

            if (uri.Scheme != Uri.UriSchemeHttps && expected.StartsWith("https:", StringComparison.OrdinalIgnoreCase))
            {
                return (null, "Webhook 地址须使用 https。");
            }

            if (!text.StartsWith(expected + "?", StringComparison.OrdinalIgnoreCase))
            {
                return (null, $"Webhook 地址须以 {expected}? 开头（平台配置的{label}服务器地址）。");
            }

            key = System.Web.HttpUtility.ParseQueryString(uri.Query)[parameter] ?? "";
            if (key.Length == 0)
            {
                return (null, $"Webhook 地址中缺少 {parameter} 参数。");
            }
        }
        else
        {
            key = text;
        }

        return WebhookKey().IsMatch(key) ? (key, null) : (null, $"{parameter} 应由 8–200 个字母、数字或 - _ 组成。");
    }

    private static string Describe(ChannelKind kind, string name, string? unit, bool enabled) =>
        $"{ChannelText.Label(kind)}“{name}” → {unit ?? ChannelText.OfficeGroup}（{(enabled ? "启用" : "停用")}）";

    // Stored as UTC DateTime (see OutboxMessage); SQLite reads them back without a kind.
    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));

    private static DateTimeOffset? Utc(DateTime? at) => at is { } value ? Utc(value) : null;

    [GeneratedRegex("^[A-Za-z0-9_-]{8,200}$")]
    private static partial Regex WebhookKey();

    [GeneratedRegex("^SEC[A-Za-z0-9]{8,196}$")]
    private static partial Regex DingTalkSecret();
}
