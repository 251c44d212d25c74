using System.Collections.Concurrent;

namespace CircuitDriver;

/// <summary>What all circuits of a run saw that a report should count: errors by kind and the JS calls the server made.</summary>
internal sealed class CircuitStats
{
    private long _errors;

    public ConcurrentDictionary<string, int> ErrorsByKind { get; } = new();

    public ConcurrentDictionary<string, int> JsCalls { get; } = new();

    public long Errors => Interlocked.Read(ref _errors);

    public void Error(string kind, string detail)
    {
        Interlocked.Increment(ref _errors);
        if (ErrorsByKind.AddOrUpdate(kind, 1, (_, n) => n + 1) <= 3)
        {
            Console.Error.WriteLine($"  [{kind}] {detail}");
        }
    }
}
