using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CircuitDriver;

/// <summary>The measured server's memory: resident set from /proc, and the live GC heap from a gcdump (which forces a full GC).</summary>
internal static partial class ServerMemory
{
    public static long RssBytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(Digits().Match(line).Value, CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>Runs dotnet-gcdump collect and report on <paramref name="pid"/>; without the tool, the heap is 0 and only RSS counts.</summary>
    public static async Task<(long HeapBytes, long RssBytes)> MeasureAsync(int pid, string gcdumpTool, CancellationToken cancellationToken, string reportPath = "")
    {
        long heap = 0;
        if (gcdumpTool.Length > 0)
        {
            var file = Path.Combine(Path.GetTempPath(), $"circuits-{pid}-{Guid.NewGuid():N}.gcdump");
            try
            {
                await RunAsync(gcdumpTool, $"collect -p {pid} -o {file}", cancellationToken);
                var report = await RunAsync(gcdumpTool, $"report {file}", cancellationToken);
                if (reportPath.Length > 0)
                {
                    await File.WriteAllTextAsync(reportPath, report, cancellationToken);
                }

                // The report's first figure is the heap's total bytes ("  123,456,789  GC Heap bytes").
                var total = HeapTotal().Match(report);
                heap = total.Success ? long.Parse(total.Groups["bytes"].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture)
                    : throw new InvalidOperationException($"No heap total in the gcdump report:\n{report[..Math.Min(500, report.Length)]}");
            }
            finally
            {
                File.Delete(file);
            }
        }

        return (heap, RssBytes(pid));
    }

    private static async Task<string> RunAsync(string tool, string arguments, CancellationToken cancellationToken)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{tool} {arguments} exited {process.ExitCode}: {output}{await process.StandardError.ReadToEndAsync(cancellationToken)}");
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"(?<bytes>[\d,]+)\s+GC Heap bytes")]
    private static partial Regex HeapTotal();
}
