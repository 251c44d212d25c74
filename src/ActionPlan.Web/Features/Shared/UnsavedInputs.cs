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
