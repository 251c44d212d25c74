using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ActionPlan.E2ETests;

/// <summary>
/// axe-core (bundled by Deque.AxeCore.Playwright) with the WCAG 2.0 / 2.1 level A and AA rules, the ones
/// GB/T 37668-2019 follows, plus the page structure the portal promises: one <c>main</c> landmark and one
/// <c>h1</c>. Each finding is one line: where, rule, impact, target selector, what axe says.
/// </summary>
public static class Axe
{
    private static readonly AxeRunOptions Options = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    /// <summary>Every critical or serious WCAG A/AA violation on the page as it stands, one line per element.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page, string where)
    {
        await SettleAsync(page);
        var result = await page.RunAxe(Options);
        return result.Violations
            .Where(v => v.Impact is "critical" or "serious")
            .SelectMany(v => v.Nodes.Select(n => $"{where}: {v.Id} ({v.Impact}) {n.Target} — {v.Help}{Why(n)}"))
            .ToList();
    }

    /// <summary>
    /// Waits (up to 3 s) until no finite animation or transition runs: axe measures colours as painted, and a snackbar or
    /// dialog that is still fading in reads as text of almost no contrast.
    /// </summary>
    private static async Task SettleAsync(IPage page)
    {
        try
        {
            await page.WaitForFunctionAsync(
                "() => document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)",
                null, new PageWaitForFunctionOptions { Timeout = 3_000, PollingInterval = 100 });
        }
        catch (TimeoutException)
        {
            // Still moving after 3 s: check it as it is.
        }
    }

    /// <summary>axe's reason for one element (the measured colours, the missing name) and the start of its markup, on one line.</summary>
    private static string Why(AxeResultNode node)
    {
        var messages = new[] { node.Any, node.All, node.None }.Where(checks => checks is not null).SelectMany(checks => checks)
            .Select(check => check.Message).Where(message => !string.IsNullOrWhiteSpace(message)).Distinct();
        var html = node.Html is { Length: > 120 } long_ ? long_[..120] + "…" : node.Html;
        return $": {string.Join("; ", messages)} [{html}]";
    }

    /// <summary>One <c>main</c> landmark and exactly one <c>h1</c>, visible and not empty.</summary>
    public static async Task<IReadOnlyList<string>> StructureProblemsAsync(IPage page, string where)
    {
        var problems = new List<string>();
        var mains = await page.Locator("main, [role=main]").CountAsync();
        if (mains != 1)
        {
            problems.Add($"{where}: {mains} main landmarks (one expected)");
        }

        var headings = await page.Locator("h1").AllInnerTextsAsync();
        if (headings.Count != 1 || string.IsNullOrWhiteSpace(headings[0]))
        {
            problems.Add($"{where}: {headings.Count} h1 ({string.Join(" | ", headings)}; one page title expected)");
        }

        return problems;
    }

    /// <summary>Fails listing every finding (FluentAssertions would show only the first); also writes them next to the screenshots.</summary>
    public static void AssertNone(IReadOnlyCollection<string> findings)
    {
        if (findings.Count == 0)
        {
            return;
        }

        Directory.CreateDirectory(BrowserPortal.ScreenshotFolder);
        File.AppendAllLines(Path.Combine(BrowserPortal.ScreenshotFolder, "accessibility-findings.txt"), findings);
        Assert.Fail($"{findings.Count} accessibility finding(s):\n" + string.Join("\n", findings));
    }

    /// <summary>Both checks.</summary>
    public static async Task<IReadOnlyList<string>> CheckAsync(IPage page, string where) =>
        [.. await ViolationsAsync(page, where), .. await StructureProblemsAsync(page, where)];
}
