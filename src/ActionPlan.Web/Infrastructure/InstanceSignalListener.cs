using Npgsql;

namespace ActionPlan.Web.Infrastructure;

/// <summary>
/// Holds one PostgreSQL connection that LISTENs on <see cref="InstanceSignals.Channel"/> and hands each notification
/// to <see cref="InstanceSignals"/>. When the connection drops (a database restart, a network fault) it reconnects
/// by itself, waiting 1 s, then 2 s, up to 15 s between tries; meanwhile pages fall back to polling.
/// </summary>
public sealed class InstanceSignalListener(InstanceSignals signals, DatabaseSettings database, TimeProvider time, ILogger<InstanceSignalListener> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Yield first: .NET 10 awaits ExecuteAsync up to its first await before the host starts.
        await Task.Yield();
        // Its own unpooled connection, with keepalives so a silently dead link is noticed within seconds.
        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            Pooling = false,
            KeepAlive = 5,
            ApplicationName = "actionplan-signals",
        }.ConnectionString;
        var retry = FirstRetry;
        var wasDown = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => signals.Receive(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {InstanceSignals.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                signals.Connected();
                if (wasDown)
                {
                    logger.LogInformation("Listening for other instances' signals again");
                }

                retry = FirstRetry;
                wasDown = false;
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                signals.Disconnected();
                if (!wasDown)
                {
                    logger.LogWarning(e, "Not listening for other instances' signals; retrying");
                }

                wasDown = true;
                await Task.Delay(retry, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LastRetry.Ticks));
            }
        }

        signals.Disconnected();
    }
}
