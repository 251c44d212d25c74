using System.Diagnostics;
using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Features.Channels;

/// <summary>
/// Sends the outbox: every <c>Channels:SendInterval</c> it takes the due messages of enabled channels, at
/// most <c>Channels:MessagesPerMinute</c> per channel in any rolling minute (the robots' limit; the rest wait,
/// they do not fail), delivers them and marks each sent, or counts the failure and sets the next attempt after
/// a growing back-off (dead after <c>Channels:MaxAttempts</c>). Taking is one statement that stamps the
/// messages as claimed for a lease; on PostgreSQL an advisory lock serialises it between instances, so two
/// senders never take one message, and a sender stops before its lease is half gone.
/// </summary>
public sealed class OutboxSender : PeriodicScan
{
    private readonly IDbContextFactory<AppDbContext> _contexts;
    private readonly ChannelOptions _options;
    private readonly ChannelDelivery _delivery;
    private readonly TimeProvider _time;
    private readonly ILogger<OutboxSender> _logger;
    private readonly SemaphoreSlim _pass = new(1, 1);

    public OutboxSender(IDbContextFactory<AppDbContext> contexts, ChannelOptions options, ChannelDelivery delivery, TimeProvider time, ILogger<OutboxSender> logger)
        : base(options.SendInterval, time, logger)
    {
        _contexts = contexts;
        _options = options;
        _delivery = delivery;
        _time = time;
        _logger = logger;
    }

    protected override string FailureMessage => "Outbox send pass failed";

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => SendDueAsync(cancellationToken);

    /// <summary>One pass: take what is due, deliver it, record each outcome.</summary>
    public async Task<SendPassResult> SendDueAsync(CancellationToken cancellationToken = default)
    {
        // In this process one pass at a time (SQLite has no advisory locks; on PostgreSQL it saves a lock wait).
        if (!await _pass.WaitAsync(0, cancellationToken))
        {
            return SendPassResult.Skipped;
        }

        try
        {
            return await PassAsync(cancellationToken);
        }
        finally
        {
            _pass.Release();
        }
    }

    private async Task<SendPassResult> PassAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        var messages = await ClaimAsync(cancellationToken);
        int sent = 0, retrying = 0, dead = 0, deferred = 0;
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            if (started.Elapsed > _options.ClaimLease / 2)
            {
                // The lease is running out: put the rest back rather than risk another sender taking them too.
                deferred += await ReleaseAsync(messages.Skip(i).Select(m => m.Id).ToList(), cancellationToken);
                break;
            }

            var outcome = await _delivery.SendAsync(message.Channel, message.Title, message.Body, cancellationToken);
            var now = _time.GetUtcNow().UtcDateTime;
            await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
            var row = db.OutboxMessages.Where(m => m.Id == message.Id);
            if (outcome.Sent)
            {
                sent++;
                await row.ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, now).SetProperty(m => m.ClaimedUntil, (DateTime?)null), cancellationToken);
                continue;
            }

            var error = Fit(outcome.Error ?? "发送失败");
            if (outcome.Throttled)
            {
                deferred++;
                await row.ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, now.AddMinutes(1)).SetProperty(m => m.ClaimedUntil, (DateTime?)null)
                    .SetProperty(m => m.LastError, error), cancellationToken);
                _logger.LogWarning("Channel {ChannelId} ({Kind}) is sending too fast; message {MessageId} waits a minute: {Error}", message.ChannelId, message.Channel.Kind, message.Id, error);
                continue;
            }

            var attempts = message.Attempts + 1;
            var gaveUp = attempts >= _options.MaxAttempts;
            var next = now + ChannelOptions.RetryDelay(attempts);
            await row.ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, attempts).SetProperty(m => m.LastError, error)
                .SetProperty(m => m.NextAttemptAt, next).SetProperty(m => m.IsDead, gaveUp).SetProperty(m => m.ClaimedUntil, (DateTime?)null), cancellationToken);
            if (gaveUp)
            {
                dead++;
                _logger.LogError("Message {MessageId} through channel {ChannelId} ({Kind}) failed {Attempts} times and is given up: {Error}", message.Id, message.ChannelId, message.Channel.Kind, attempts, error);
            }
            else
            {
                retrying++;
                _logger.LogWarning("Message {MessageId} through channel {ChannelId} ({Kind}) failed (attempt {Attempts}), next at {Next:u}: {Error}", message.Id, message.ChannelId, message.Channel.Kind, attempts, next, error);
            }
        }

        if (messages.Count > 0)
        {
            _logger.LogInformation("Outbox pass: {Sent} sent, {Retrying} to retry, {Dead} given up, {Deferred} deferred", sent, retrying, dead, deferred);
        }

        return new SendPassResult(true, sent, retrying, dead, deferred);
    }

    /// <summary>
    /// Stamps the due messages this pass may send as claimed and returns them with their channels. Per channel,
    /// what was sent in the last minute and what other senders hold count against the minute's allowance.
    /// </summary>
    private async Task<List<OutboxMessage>> ClaimAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var dialect = SqlDialect.Of(db.Database);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (dialect.TransactionLock(AdvisoryLocks.OutboxClaim) is { } wait)
        {
            // Serialises taking (not sending): the next sender's statement then sees these claims committed.
            await db.Database.ExecuteSqlRawAsync(wait, cancellationToken);
        }

        var sql = $$"""
            UPDATE "OutboxMessages" SET "ClaimedUntil" = {0}
            WHERE "Id" IN (
                SELECT d."Id"
                FROM (
                    SELECT o."Id", o."ChannelId", o."NextAttemptAt",
                           ROW_NUMBER() OVER (PARTITION BY o."ChannelId" ORDER BY o."NextAttemptAt", o."Id") AS "Rank"
                    FROM "OutboxMessages" o
                    JOIN "MessageChannels" ch ON ch."Id" = o."ChannelId"
                    WHERE o."SentAt" IS NULL AND NOT {{dialect.IsTrue("o.\"IsDead\"")}} AND o."NextAttemptAt" <= {1}
                      AND (o."ClaimedUntil" IS NULL OR o."ClaimedUntil" < {1}) AND {{dialect.IsTrue("ch.\"IsEnabled\"")}}
                ) d
                LEFT JOIN (
                    SELECT "ChannelId", COUNT(*) AS "Used"
                    FROM "OutboxMessages"
                    WHERE "SentAt" > {2} OR ("SentAt" IS NULL AND "ClaimedUntil" >= {1})
                    GROUP BY "ChannelId"
                ) r ON r."ChannelId" = d."ChannelId"
                WHERE d."Rank" <= {3} - COALESCE(r."Used", 0)
                ORDER BY d."NextAttemptAt", d."Id"
                LIMIT {4}
            )
            RETURNING "Id" AS "Value"
            """;
        var claimed = await db.Database.SqlQueryRaw<long>(sql, now + _options.ClaimLease, now, now.AddMinutes(-1), _options.MessagesPerMinute, _options.BatchSize)
            .ToListAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (claimed.Count == 0)
        {
            return [];
        }

        return await db.OutboxMessages.AsNoTracking().Include(m => m.Channel).Where(m => claimed.Contains(m.Id))
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).ToListAsync(cancellationToken);
    }

    private async Task<int> ReleaseAsync(List<long> ids, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        return await db.OutboxMessages.Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, (DateTime?)null), cancellationToken);
    }

    private static string Fit(string error) => error.Length <= Data.Configurations.OutboxMessageConfiguration.ErrorLength
        ? error
        : error[..Data.Configurations.OutboxMessageConfiguration.ErrorLength];

    public override void Dispose()
    {
        _pass.Dispose();
        base.Dispose();
    }
}
