using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ActionPlan.E2ETests;

/// <summary>
/// The main journeys with the keyboard alone (Tab, Enter, Space, arrows and typing; no click, no URL typed after the
/// sign-in page): sign in, filter the task list, open a task, change and save it; sign in as a unit, open its task and
/// submit a report. Every element that takes the focus on the way must show it (an outline, or a text field's
/// highlighted border).
/// </summary>
public sealed partial class KeyboardJourneyTests(SimulatedDatePortal portal) : IClassFixture<SimulatedDatePortal>
{
    /// <summary>The focused element and whether it shows the focus.</summary>
    private sealed record Focused(string Tag, string Text, string TestId, bool Ring, string Href);

    private const string FocusScript = """
        () => {
          const e = document.activeElement;
          if (!e || e === document.body) return null;
          // Focus put by script, not reached by Tab: FocusOnNavigate's page title (tabindex -1, no ring by design).
          if (e.getAttribute('tabindex') === '-1') return null;
          const ringOf = el => { const s = getComputedStyle(el); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0; };
          let ring = ringOf(e);
          // MudBlazor text fields and selects: the field's outline border turns 2px wide (and primary).
          const border = e.closest('.mud-input-outlined')?.querySelector(':scope > .mud-input-outlined-border');
          if (!ring && border) ring = parseFloat(getComputedStyle(border).borderTopWidth) >= 2;
          // Checkboxes and radios: the ring is on the round button around the hidden input.
          const button = e.parentElement?.closest('.mud-button-root');
          if (!ring && button && e.tagName === 'INPUT') ring = ringOf(button);
          const text = (e.getAttribute('aria-label') || e.innerText || e.value || '').trim().replace(/\s+/g, ' ').slice(0, 40);
          return { tag: e.tagName, text, testId: e.closest('[data-testid]')?.getAttribute('data-testid') ?? '', ring, href: e.getAttribute('href') ?? '' };
        }
        """;

    private readonly List<string> _noRing = [];
    private readonly List<string> _path = [];

    [Fact]
    public async Task The_office_signs_in_filters_opens_a_task_and_saves_it_with_the_keyboard_alone()
    {
        var page = await SignInWithKeyboardAsync("office1");

        // 任务清单: the 领域 filter, opened and chosen with the arrows.
        await TabToAsync(page, f => f.TestId == "filter-domain", "the 领域 filter");
        await ChooseWithKeyboardAsync(page, "工程建设项目审批领域");
        await page.WaitForURLAsync(DomainTwo(), new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.GetByTestId("result-count")).ToContainTextAsync("筛选出 14 项任务");

        // Open task 12 from the list.
        await TabToAsync(page, f => f.TestId == "task-link" && f.Text.Contains("完善土地供应前基础配套设施", StringComparison.Ordinal), "the link of task 12");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/tasks/12$"), new() { WaitUntil = WaitUntilState.Commit });
        await BrowserPortal.WaitInteractiveAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("12. 完善土地供应前基础配套设施");

        // Change status, progress and 进展情况, and save.
        await TabToAsync(page, f => f.TestId == "edit-status", "the status field");
        await ChooseWithKeyboardAsync(page, "推进中");
        await TabToAsync(page, f => f.TestId == "edit-progress", "the progress field");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("30");
        await TabToAsync(page, f => f.TestId == "edit-summary", "进展情况");
        await page.Keyboard.TypeAsync("已完成供地片区基础设施摸底（键盘操作）。");
        await BrowserPortal.ScreenshotAsync(page, "keyboard-task-form");
        await TabToAsync(page, f => f.TestId == "edit-save", "保存");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByTestId("progress-value")).ToHaveTextAsync("进度：30%");
        await Assertions.Expect(page.GetByTestId("progress-summary")).ToContainTextAsync("已完成供地片区基础设施摸底（键盘操作）。");
        await BrowserPortal.ScreenshotAsync(page, "keyboard-task-saved");
        await page.Context.CloseAsync();
        AssertFocusAlwaysVisible();
    }

    [Fact]
    public async Task A_unit_signs_in_opens_its_task_and_submits_a_report_with_the_keyboard_alone()
    {
        var page = await SignInWithKeyboardAsync("unit1");

        // 我的任务: the first of the unit's tasks.
        await TabToAsync(page, f => f.TestId == "task-link", "the first task link");
        var title = (await FocusedAsync(page))!.Text;
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex(@"/tasks/\d+$"), new() { WaitUntil = WaitUntilState.Commit });
        await BrowserPortal.WaitInteractiveAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(title);

        await TabToAsync(page, f => f.TestId == "new-report", "新建报送");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByTestId("report-form").WaitForAsync();
        await TabToAsync(page, f => f.TestId == "report-text", "the report text");
        await page.Keyboard.TypeAsync("本月完成方案起草，已征求相关部门意见（键盘操作）。");
        await TabToAsync(page, f => f.TestId == "report-progress", "the claimed progress");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("20");
        await BrowserPortal.ScreenshotAsync(page, "keyboard-report-form");
        await TabToAsync(page, f => f.TestId == "report-submit", "提交审核");
        await page.Keyboard.PressAsync("Space");

        await Assertions.Expect(page.GetByTestId("report-form")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("reports")).ToContainTextAsync("待审核");
        await Assertions.Expect(page.GetByTestId("reports")).ToContainTextAsync("本月完成方案起草，已征求相关部门意见（键盘操作）。");
        await BrowserPortal.ScreenshotAsync(page, "keyboard-report-submitted");
        await page.Context.CloseAsync();
        AssertFocusAlwaysVisible();
    }

    /// <summary>The sign-in page typed into: user name (focused on load), Tab, password, Tab to the button, Enter.</summary>
    private async Task<IPage> SignInWithKeyboardAsync(string userName)
    {
        var context = await portal.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 }, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync(new Uri(portal.BaseAddress, "account/login").ToString());
        await Assertions.Expect(page.Locator("#userName")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(userName);
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("#password")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(ActionPlan.IntegrationTests.PortalFactory.Password);
        await page.Keyboard.PressAsync("Tab");
        var button = await FocusedAsync(page);
        button!.Tag.Should().Be("BUTTON");
        Record(button);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        await BrowserPortal.WaitInteractiveAsync(page);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        return page;
    }

    /// <summary>Presses Tab until the focused element is the one wanted (at most 150 times), noting every stop on the way.</summary>
    private async Task TabToAsync(IPage page, Func<Focused, bool> wanted, string what)
    {
        for (var i = 0; i < 150; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await FocusedAsync(page);
            if (focused is null)
            {
                continue;
            }

            Record(focused);
            if (wanted(focused))
            {
                return;
            }
        }

        throw new Xunit.Sdk.XunitException($"Tab never reached {what}. Last stops: {string.Join(" → ", _path.TakeLast(20))}");
    }

    /// <summary>
    /// A MudSelect with the focus: ArrowDown opens it, each further ArrowDown moves the highlighted item (the circuit
    /// re-renders it, so wait for the highlight to move before reading it), Enter chooses <paramref name="item"/>.
    /// </summary>
    private static async Task ChooseWithKeyboardAsync(IPage page, string item)
    {
        await page.Keyboard.PressAsync("ArrowDown");
        var open = page.Locator(".mud-popover-open .mud-list-item");
        await open.First.WaitForAsync();
        var active = page.Locator(".mud-popover-open .mud-selected-item");
        var before = await ActiveTextAsync(active);
        for (var i = 0; i < 40; i++)
        {
            if (before.Contains(item, StringComparison.Ordinal))
            {
                await page.Keyboard.PressAsync("Enter");
                await open.First.WaitForAsync(new() { State = WaitForSelectorState.Detached });
                return;
            }

            await page.Keyboard.PressAsync("ArrowDown");
            var deadline = DateTime.UtcNow.AddSeconds(5);
            string now;
            while ((now = await ActiveTextAsync(active)) == before && DateTime.UtcNow < deadline)
            {
                await page.WaitForTimeoutAsync(50);
            }

            before = now;
        }

        throw new Xunit.Sdk.XunitException($"The arrows never reached {item}.");
    }

    private static async Task<string> ActiveTextAsync(ILocator active) =>
        await active.CountAsync() > 0 ? await active.First.InnerTextAsync() : "";

    private static async Task<Focused?> FocusedAsync(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement?>(FocusScript);
        return json is { ValueKind: JsonValueKind.Object } e
            ? new Focused(e.GetProperty("tag").GetString()!, e.GetProperty("text").GetString()!, e.GetProperty("testId").GetString()!, e.GetProperty("ring").GetBoolean(), e.GetProperty("href").GetString()!)
            : null;
    }

    private void Record(Focused focused)
    {
        var name = $"{focused.Tag}[{focused.TestId}] {focused.Text}{(focused.Href.Length > 0 ? " →" + focused.Href : "")}";
        _path.Add(name);
        if (!focused.Ring)
        {
            _noRing.Add(name);
        }
    }

    private void AssertFocusAlwaysVisible() =>
        _noRing.Distinct().Should().BeEmpty($"every focused element shows the focus ({_path.Count} stops: {string.Join(" → ", _path)})");

    [GeneratedRegex("domain=2(&|$)")]
    private static partial Regex DomainTwo();
}
