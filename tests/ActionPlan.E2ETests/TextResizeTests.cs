using System.Text.Json;
using Microsoft.Playwright;

namespace ActionPlan.E2ETests;

/// <summary>
/// Text at 200 % (the root font size doubled, as a browser's text-size setting does) on the office desktop's 1366 px:
/// the page scrolls only vertically (a wide table may scroll inside itself), the page title stays whole and in view,
/// and no text is cut off by a box too small for it (the plan's title in the app bar may be clamped to two lines: the
/// menu shows it whole), and no field's label runs under its icon. Screenshots: text-200-*.png.
/// </summary>
public sealed class TextResizeTests(SimulatedDatePortal portal) : IClassFixture<SimulatedDatePortal>
{
    /// <summary>
    /// What overflows at the doubled size: the page's horizontal overflow, and every element with text whose box hides
    /// part of it (overflow other than visible and content larger than the box), outside scrollable table containers.
    /// </summary>
    private const string ClippingScript = """
        () => {
          const problems = [];
          const doc = document.documentElement;
          if (doc.scrollWidth > doc.clientWidth + 1) problems.push(`page scrolls sideways: ${doc.scrollWidth} > ${doc.clientWidth}`);
          const h1 = document.querySelector('h1');
          if (!h1) problems.push('no h1');
          else {
            const r = h1.getBoundingClientRect();
            if (r.width === 0 || r.left < 0 || r.right > doc.clientWidth + 1) problems.push(`h1 out of view: ${r.left}..${r.right}`);
            if (h1.scrollWidth > h1.clientWidth + 1) problems.push(`h1 cut: ${h1.scrollWidth} > ${h1.clientWidth}`);
          }
          const title = document.querySelector('.app-title'), heading = document.querySelector('[data-testid=plan-heading]');
          if (title && title.scrollHeight > title.clientHeight + 1) {
            const whole = heading && heading.getBoundingClientRect().width > 0 && heading.innerText.includes(title.innerText.trim())
              && heading.scrollHeight <= heading.clientHeight + 1;
            if (!whole) problems.push('the plan title is cut in the app bar and not shown whole in the menu');
          }
          const scrollers = '.mud-table-container, .mud-data-grid .mud-table-container, [data-scrolls]';
          for (const e of document.querySelectorAll('body *')) {
            if (e.closest(scrollers) || e.closest('[aria-hidden=true]') || e.closest('.mud-popover:not(.mud-popover-open)')) continue;
            // The app bar's plan title may be cut after two lines when the menu shows it whole (checked below).
            if (e.classList.contains('app-title')) continue;
            const s = getComputedStyle(e);
            if (s.display === 'none' || s.visibility === 'hidden') continue;
            const hidesX = s.overflowX !== 'visible', hidesY = s.overflowY !== 'visible';
            if (!hidesX && !hidesY) continue;
            if (s.overflowX === 'auto' || s.overflowX === 'scroll') continue; // a box that scrolls loses nothing
            const text = [...e.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent.trim()).join('');
            const hasText = text.length > 0 || e.querySelector('p, span, a, h1, h2, h3, h4, h5, h6') !== null;
            if (!hasText || !(e.innerText ?? '').trim()) continue;
            const cutX = hidesX && e.scrollWidth > e.clientWidth + 1;
            const cutY = hidesY && s.overflowY !== 'auto' && s.overflowY !== 'scroll' && e.scrollHeight > e.clientHeight * 1.2 + 1; // a line box a few px taller than its label cuts no glyph
            if (cutX || cutY) {
              const cls = (e.className && typeof e.className === 'string') ? '.' + e.className.trim().split(/\s+/).slice(0, 3).join('.') : '';
              problems.push(`${e.tagName.toLowerCase()}${cls} cuts "${e.innerText.trim().replace(/\s+/g, ' ').slice(0, 30)}" (${e.scrollWidth}x${e.scrollHeight} in ${e.clientWidth}x${e.clientHeight})`);
            }
          }
          // A field's label must not run under its arrow or icon (the outlined select in a narrow column did).
          const overlaps = (a, b) => a.width > 0 && b.width > 0 && a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
          for (const control of document.querySelectorAll('.mud-input-control')) {
            const label = control.querySelector('.mud-input-label');
            if (!label || !(label.innerText ?? '').trim()) continue;
            const l = label.getBoundingClientRect();
            for (const adornment of control.querySelectorAll('.mud-input-adornment')) {
              if (overlaps(l, adornment.getBoundingClientRect())) problems.push(`label "${label.innerText.trim().slice(0, 20)}" runs under its field's icon`);
            }
            const input = control.querySelector('.mud-input');
            if (input && l.right > input.getBoundingClientRect().right + 1) problems.push(`label "${label.innerText.trim().slice(0, 20)}" runs past its field`);
          }
          return problems;
        }
        """;

    [Theory]
    [InlineData("dashboard", "总览")]
    [InlineData("tasks", "任务清单")]
    [InlineData("tasks/12", "12. 完善土地供应前基础配套设施")]
    [InlineData("alerts", "预警")]
    [InlineData("slips", "督办单")]
    [InlineData("extensions", "延期审批")]
    [InlineData("rounds", "调度轮次")]
    [InlineData("dispatch", "调度通报")]
    public async Task Text_at_200_percent_stays_whole_without_sideways_scrolling(string path, string title)
    {
        var page = await portal.OpenAsync(path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.EvaluateAsync("() => { document.documentElement.style.fontSize = '200%'; }");
        await page.WaitForTimeoutAsync(300);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(title);
        await Assertions.Expect(page.Locator("h1")).ToBeInViewportAsync();
        var name = "text-200-" + path.Replace('/', '-');
        await BrowserPortal.ScreenshotAsync(page, name);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserPortal.ScreenshotFolder, name + "-top.png") });

        var problems = (await page.EvaluateAsync<JsonElement>(ClippingScript)).EnumerateArray().Select(p => p.GetString()!).ToList();
        await page.Context.CloseAsync();
        problems.Should().BeEmpty($"at 200 % text nothing is cut off on /{path}");
    }
}
