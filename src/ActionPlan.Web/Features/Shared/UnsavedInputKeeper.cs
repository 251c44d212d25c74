namespace ActionPlan.Web.Features.Shared;

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
