using System.Collections.Concurrent;

namespace ActionPlan.Web.Features.Dashboard;

/// <summary>
/// 总览 and 调度通报 figures per plan, scope and as-of date, kept for <c>Dashboard:CacheSeconds</c> (10 by default) so a
/// busy dashboard does not ask the database on every view. A save in this instance that changes what the
/// dashboard counts empties it at once; a save in another instance shows here within those seconds.
/// </summary>
public sealed class FigureCache
{
    private readonly ConcurrentDictionary<(int PlanId, int? UnitId, DateOnly AsOf), (long At, Task<DashboardFigures> Figures)> _entries = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;
    private long _generation;

    public FigureCache(PlanDataSaved saved, TimeProvider time, DashboardOptions options)
    {
        _time = time;
        _lifetime = TimeSpan.FromSeconds(options.CacheSeconds);
        saved.Saved += () =>
        {
            Interlocked.Increment(ref _generation);
            _entries.Clear();
        };
    }

    public Task<DashboardFigures> GetAsync(int planId, int? unitId, DateOnly asOf, Func<Task<DashboardFigures>> load)
    {
        if (_lifetime <= TimeSpan.Zero)
        {
            return load();
        }

        var key = (planId, unitId, asOf);
        var now = _time.GetTimestamp();
        if (_entries.TryGetValue(key, out var entry) && _time.GetElapsedTime(entry.At, now) < _lifetime && !entry.Figures.IsFaulted)
        {
            return entry.Figures;
        }

        // Entries of other keys that have lived their time go too: as-of dates of the 调度通报 would pile up otherwise.
        foreach (var (oldKey, old) in _entries)
        {
            if (_time.GetElapsedTime(old.At, now) >= _lifetime)
            {
                _entries.TryRemove(new KeyValuePair<(int, int?, DateOnly), (long, Task<DashboardFigures>)>(oldKey, old));
            }
        }

        // Concurrent misses may each load once; the last one is kept. A failed load is not kept, nor one
        // that ran while a save emptied the cache (it may have read the data before that save).
        var generation = Interlocked.Read(ref _generation);
        var figures = load();
        _entries[key] = (now, figures);
        _ = figures.ContinueWith(
            _ =>
            {
                if (Interlocked.Read(ref _generation) != generation)
                {
                    _entries.TryRemove(new KeyValuePair<(int, int?, DateOnly), (long, Task<DashboardFigures>)>(key, (now, figures)));
                }
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return figures;
    }
}
