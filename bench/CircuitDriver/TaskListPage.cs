namespace CircuitDriver;

/// <summary>What the driver does on 任务清单 (/tasks) and on a task, through the DOM a circuit renders.</summary>
internal static class TaskListPage
{
    /// <summary>Waits until the layout's marker says the page is interactive (MainLayout's data-interactive="true").</summary>
    public static Task WaitInteractiveAsync(BlazorCircuit circuit, CancellationToken cancellationToken) =>
        circuit.WaitForAsync(
            () => Find(circuit.Dom, n => n.Attribute("data-testid") == "interactive" && n.Attribute("data-interactive") == "true") is not null,
            TimeSpan.FromSeconds(60), "the page to turn interactive", cancellationToken);

    /// <summary>The result line ("共 165 项任务", "筛选出 3 项任务").</summary>
    public static string ResultCount(RenderedDom dom) =>
        Find(dom, n => n.Attribute("data-testid") == "result-count")?.TextContent().Trim() ?? "";

    /// <summary>The task links of the grid, as (href, title).</summary>
    public static IReadOnlyList<(string Href, string Title)> TaskLinks(RenderedDom dom) =>
        All(dom, n => n.Tag == "a" && n.Attribute("data-testid") == "task-link")
            .Select(n => (n.Attribute("href") ?? "", n.TextContent().Trim())).ToList();

    /// <summary>
    /// Types <paramref name="text"/> into the search box (its input event: the field is Immediate) and clicks its
    /// search button (OnAdornmentClick), which navigates to the filtered list; completes when the result line
    /// reads <paramref name="expectedCount"/> (or, when null, has changed and the page has settled: a first render
    /// shows the new filter with the old rows while the query runs). Returns the new result line.
    /// </summary>
    public static async Task<string> SearchAsync(BlazorCircuit circuit, string text, string? expectedCount, CancellationToken cancellationToken)
    {
        var (input, button, before) = circuit.Read(dom =>
        {
            var box = Find(dom, n => n.Attribute("data-testid") == "filter-search")
                ?? throw new InvalidOperationException("No search box (data-testid=filter-search) on the page.");
            var field = box.Tag == "input" ? box : Find(box, n => n.Tag == "input")
                ?? throw new InvalidOperationException("The search box has no <input>.");
            var search = Find(dom, n => n.Attribute("aria-label") == "搜索" && n.Events?.ContainsKey("click") == true)
                ?? throw new InvalidOperationException("No clickable search button (aria-label=搜索).");
            return (field, search, ResultCount(dom));
        });
        await circuit.DispatchEventAsync(input, "input", new { value = text }, fieldValue: text);
        await circuit.DispatchEventAsync(button, "click", new { type = "click", detail = 1 });
        var now = "";
        await circuit.WaitForAsync(
            () => (now = ResultCount(circuit.Dom)) != before && (expectedCount is null || now == expectedCount),
            TimeSpan.FromSeconds(30), $"the result line to change from '{before}' after searching '{text}'", cancellationToken);
        if (expectedCount is null)
        {
            await circuit.WaitQuietAsync(TimeSpan.FromSeconds(1), cancellationToken);
            now = circuit.Read(ResultCount);
        }

        return now;
    }

    public static DomNode? Find(RenderedDom dom, Func<DomNode, bool> match) =>
        dom.Roots.SelectMany(r => r.DescendantsAndSelf()).FirstOrDefault(match);

    public static DomNode? Find(DomNode root, Func<DomNode, bool> match) => root.DescendantsAndSelf().FirstOrDefault(match);

    public static IEnumerable<DomNode> All(RenderedDom dom, Func<DomNode, bool> match) =>
        dom.Roots.SelectMany(r => r.DescendantsAndSelf()).Where(match);

    public static string Text(RenderedDom dom) => string.Concat(dom.Roots.Select(r => r.TextContent()));
}
