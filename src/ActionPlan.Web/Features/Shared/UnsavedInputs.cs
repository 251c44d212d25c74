using System.Text.Json;
using ActionPlan.Data;
using ActionPlan.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Features.Shared;

/// <summary>
/// 未保存的输入: a form's fields kept in the database while the user types, so a dropped connection or a killed
/// instance loses nothing that was typed. The database is the one store every instance shares and that outlives a
/// crash; a circuit's in-memory state (and .NET's persisted circuit state, written when a circuit is evicted or
/// paused) dies with the process.
/// </summary>
public sealed class UnsavedInputs(IDbContextFactory<AppDbContext> contexts, TimeProvider time, ILogger<UnsavedInputs> logger)
{
    // Chinese text stays readable in the table (no \u escapes); it is never written into HTML from here.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public static string TaskEditKey(int planId, int taskNumber) => $"task-edit:{planId}:{taskNumber}";

    /// <summary>The report form of a task: a new report, or the draft <paramref name="reportId"/>.</summary>
    public static string ReportKey(int planId, int taskNumber, int? reportId) => $"{ReportPrefix(planId, taskNumber)}{reportId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "new"}";

    public static string ReportPrefix(int planId, int taskNumber) => $"report:{planId}:{taskNumber}:";

    /// <summary>The input kept for the form, with when it was typed; null when there is none (or it no longer reads).</summary>
    public async Task<(T Input, DateTimeOffset At)?> FindAsync<T>(string userName, string formKey, CancellationToken cancellationToken = default)
        where T : class
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.UnsavedInputs.AsNoTracking().SingleOrDefaultAsync(i => i.UserName == userName && i.FormKey == formKey, cancellationToken);
        if (row is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(row.Content, Json) is { } input ? (input, row.UpdatedAt) : null;
        }
        catch (JsonException e)
        {
            // Kept by an older version of the form: not offered.
            logger.LogWarning(e, "Unsaved input {FormKey} of {User} no longer reads", formKey, userName);
            return null;
        }
    }

    /// <summary>The form keys with input kept under <paramref name="prefix"/> (the report forms of one task).</summary>
    public async Task<IReadOnlyList<string>> KeysAsync(string userName, string prefix, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.UnsavedInputs.AsNoTracking()
            .Where(i => i.UserName == userName && i.FormKey.StartsWith(prefix))
            .Select(i => i.FormKey)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Keeps <paramref name="input"/> for the form, over what was kept before. Typing must never fail because the
    /// database blinked: a failure is logged and the next change tries again.
    /// </summary>
    public async Task KeepAsync<T>(string userName, string formKey, T input)
    {
        var content = JsonSerializer.Serialize(input, Json);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var db = await contexts.CreateDbContextAsync();
                var row = await db.UnsavedInputs.SingleOrDefaultAsync(i => i.UserName == userName && i.FormKey == formKey);
                if (row is null)
                {
                    db.UnsavedInputs.Add(new UnsavedInput { UserName = userName, FormKey = formKey, Content = content, UpdatedAt = time.GetUtcNow() });
                }
                else
                {
                    row.Content = content;
                    row.UpdatedAt = time.GetUtcNow();
                }

                await db.SaveChangesAsync();
                return;
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                // The same user's other tab added the row first: overwrite it.
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException or TimeoutException)
            {
                logger.LogWarning(e, "Could not keep the unsaved input {FormKey} of {User}", formKey, userName);
                return;
            }
        }
    }

    /// <summary>Forgets the form's input: it was saved, or the user threw it away.</summary>
    public async Task DiscardAsync(string userName, string formKey)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync();
            await db.UnsavedInputs.Where(i => i.UserName == userName && i.FormKey == formKey).ExecuteDeleteAsync();
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException or TimeoutException)
        {
            logger.LogWarning(e, "Could not discard the unsaved input {FormKey} of {User}", formKey, userName);
        }
    }
}

/// <summary>
/// One form's link to <see cref="UnsavedInputs"/>: each change restarts a short quiet period, after which the
/// form's fields as they are then are kept. Made by the form, on its circuit, and disposed with it.
/// </summary>
public sealed class UnsavedInputKeeper<T> : IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(400);
    private readonly UnsavedInputs _store;
    private readonly string _userName;
    private readonly string _formKey;
    private readonly Func<T> _snapshot;
    private readonly Func<Func<Task>, Task> _onCircuit;
    private readonly Timer _timer;
    private bool _stopped;
    private bool _pending;

    /// <param name="onCircuit">The component's InvokeAsync: the snapshot is taken where the fields are changed.</param>
    public UnsavedInputKeeper(UnsavedInputs store, string userName, string formKey, Func<T> snapshot, Func<Func<Task>, Task> onCircuit)
    {
        _store = store;
        _userName = userName;
        _formKey = formKey;
        _snapshot = snapshot;
        _onCircuit = onCircuit;
        _timer = new Timer(_ => _ = KeepAsync());
    }

    /// <summary>A field changed.</summary>
    public void Changed()
    {
        if (!_stopped)
        {
            _pending = true;
            _timer.Change(Quiet, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>The form was saved or its input thrown away: nothing more is kept, and what was kept goes.</summary>
    public Task DiscardAsync()
    {
        _pending = false;
        _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        return _store.DiscardAsync(_userName, _formKey);
    }

    private async Task KeepAsync()
    {
        try
        {
            await _onCircuit(async () =>
            {
                if (!_stopped && _pending)
                {
                    _pending = false;
                    await _store.KeepAsync(_userName, _formKey, _snapshot());
                }
            });
        }
        catch (ObjectDisposedException)
        {
            // The circuit went while the quiet period ran; what was kept before stays.
        }
    }

    /// <summary>Called by the renderer, on the circuit: a change still in its quiet period is kept now (the user left the page).</summary>
    public void Dispose()
    {
        _stopped = true;
        _timer.Dispose();
        if (_pending)
        {
            _pending = false;
            _ = _store.KeepAsync(_userName, _formKey, _snapshot());
        }
    }
}
