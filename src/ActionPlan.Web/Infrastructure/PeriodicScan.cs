namespace ActionPlan.Web.Infrastructure;

/// <summary>
/// A background service that runs one scan at start-up and then every interval of a <see cref="PeriodicTimer"/>
/// on <see cref="TimeProvider"/>. A failed scan is logged and the next tick tries again: an outage never
/// stops the host.
/// </summary>
public abstract class PeriodicScan : BackgroundService
{
    private readonly PeriodicTimer _timer;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected PeriodicScan(TimeSpan interval, TimeProvider time, ILogger logger)
    {
        // Created here, not in ExecuteAsync, so a test advancing a fake clock right after start never loses a tick.
        _timer = new PeriodicTimer(interval, time);
        _logger = logger;
    }

    /// <summary>Completes once the first scan has run (or failed and been logged).</summary>
    public Task Started => _started.Task;

    /// <summary>What the log says when a scan fails.</summary>
    protected abstract string FailureMessage { get; }

    /// <summary>One scan.</summary>
    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            do
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    _logger.LogError(ex, "{Failure}; it runs again at the next tick", FailureMessage);
                }

                _started.TrySetResult();
            }
            while (await _timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override void Dispose()
    {
        _timer.Dispose();
        base.Dispose();
        GC.SuppressFinalize(this);
    }
}
