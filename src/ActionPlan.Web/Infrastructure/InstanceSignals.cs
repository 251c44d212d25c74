using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ActionPlan.Web.Infrastructure;

/// <summary>
/// Named signals ("plan data saved", "alerts raised") between portal instances that share one PostgreSQL
/// database, carried by LISTEN/NOTIFY on <see cref="Channel"/>; <see cref="InstanceSignalListener"/> receives them.
/// On SQLite the portal runs as one instance, so a signal stays in this process: its local subscribers are told
/// by the sender itself, and nothing is sent.
/// </summary>
public sealed class InstanceSignals(DatabaseSettings database, ILogger<InstanceSignals> logger)
{
    public const string Channel = "actionplan_signals";

    private readonly ConcurrentDictionary<string, Action> _receivers = new();
    private volatile bool _listening;

    /// <summary>This process among the instances; a signal it sent comes back to it and is dropped.</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Whether other instances may exist: the database is PostgreSQL.</summary>
    public bool Shared => database.Provider == DatabaseProvider.Postgres;

    /// <summary>
    /// Whether signals from other instances reach this one now: always when alone, and on PostgreSQL while the
    /// listener is connected. Pages poll only while this is false.
    /// </summary>
    public bool Listening => !Shared || _listening;

    /// <summary>Calls <paramref name="received"/> when another instance sends <paramref name="name"/> (or after the listener was down).</summary>
    public void On(string name, Action received) => _receivers.AddOrUpdate(name, received, (_, existing) => existing + received);

    /// <summary>
    /// Sends <paramref name="name"/> on the save's own connection. Inside a transaction PostgreSQL delivers it at the
    /// commit and drops it on a rollback, so no instance reloads before the data is there. The save has happened
    /// already: a failure here is logged, and the others catch up by their caches' expiry or their fallback poll.
    /// </summary>
    public void SendWithin(DbContext context, string name)
    {
        if (!Shared)
        {
            return;
        }

        try
        {
            context.Database.ExecuteSql($"SELECT pg_notify({Channel}, {Payload(name)})");
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            logger.LogWarning(e, "Could not signal {Signal} to the other instances", name);
        }
    }

    /// <inheritdoc cref="SendWithin"/>
    public async Task SendWithinAsync(DbContext context, string name, CancellationToken cancellationToken = default)
    {
        if (!Shared)
        {
            return;
        }

        try
        {
            await context.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, {Payload(name)})", cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            logger.LogWarning(e, "Could not signal {Signal} to the other instances", name);
        }
    }

    /// <summary>Sends <paramref name="name"/> on a connection of its own, for news that is not tied to one save (alerts after a scan).</summary>
    public async Task SendAsync(string name)
    {
        if (!Shared)
        {
            return;
        }

        try
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
            command.Parameters.AddWithValue("channel", Channel);
            command.Parameters.AddWithValue("payload", Payload(name));
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            logger.LogWarning(e, "Could not signal {Signal} to the other instances", name);
        }
    }

    /// <summary>A notification from the listener: "name instance".</summary>
    internal void Receive(string payload)
    {
        var parts = payload.Split(' ', 2);
        if (parts.Length == 2 && parts[1] != InstanceId && _receivers.TryGetValue(parts[0], out var received))
        {
            Raise(parts[0], received);
        }
    }

    /// <summary>The listener is connected (again): whatever was sent while it was down is unknown, so every receiver runs once.</summary>
    internal void Connected()
    {
        _listening = true;
        foreach (var (name, received) in _receivers)
        {
            Raise(name, received);
        }
    }

    internal void Disconnected() => _listening = false;

    private void Raise(string name, Action received)
    {
        try
        {
            received();
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "A receiver of {Signal} failed", name);
        }
    }

    private string Payload(string name) => $"{name} {InstanceId}";
}
