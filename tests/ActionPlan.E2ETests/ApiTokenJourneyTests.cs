using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Playwright;

namespace ActionPlan.E2ETests;

/// <summary>A unit creates an API 令牌 on its account page, copies it, reads its tasks with it, and revokes it.</summary>
public sealed class ApiTokenJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task A_unit_creates_a_token_uses_it_for_its_own_tasks_and_revokes_it()
    {
        var page = await portal.SignInAsync("unit1");
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = portal.BaseAddress.GetLeftPart(UriPartial.Authority) });
        await page.GotoAsync(new Uri(portal.BaseAddress, "account/change-password").ToString());
        var section = page.GetByTestId("api-tokens");
        await section.GetByTestId("api-tokens-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(section.GetByTestId("api-tokens-empty")).ToContainTextAsync("您还没有 API 令牌");

        await section.GetByTestId("api-token-create").ClickAsync();
        await Assertions.Expect(section).ToContainTextAsync("请填写令牌名称。");

        await section.GetByTestId("api-token-name").FillAsync("周报脚本");
        await section.GetByTestId("api-token-create").ClickAsync();
        await Assertions.Expect(section.GetByTestId("api-token-created")).ToContainTextAsync("令牌“周报脚本”已创建");
        var token = await section.GetByTestId("api-token-value").InputValueAsync();
        token.Should().StartWith("ap_").And.HaveLength(46);
        await Assertions.Expect(section.GetByTestId("api-token-row")).ToHaveCountAsync(1);
        await Assertions.Expect(section.GetByTestId("api-token-row")).ToContainTextAsync(token[..10] + "…");
        await Assertions.Expect(section.GetByTestId("api-token-row")).ToContainTextAsync("从未使用");

        await section.GetByTestId("api-token-copy").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("令牌已复制到剪贴板");
        (await page.EvaluateAsync<string>("navigator.clipboard.readText()")).Should().Be(token);
        await BrowserPortal.ScreenshotAsync(page, "api-token-created");

        using var http = new HttpClient { BaseAddress = portal.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var plans = JsonDocument.Parse(await http.GetStringAsync("api/v1/plans")).RootElement;
        var planId = plans[0].GetProperty("id").GetInt32();
        var tasks = JsonDocument.Parse(await http.GetStringAsync($"api/v1/plans/{planId}/tasks?pageSize=200")).RootElement;
        tasks.GetProperty("total").GetInt32().Should().Be(23, "unit1 is 省市场监管局, which names 23 tasks");
        tasks.GetProperty("items").EnumerateArray().Should().OnlyContain(t => t.GetProperty("leadUnits").EnumerateArray().Any(u => u.GetString() == "省市场监管局"));

        await page.ReloadAsync();
        await section.GetByTestId("api-tokens-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(section.GetByTestId("api-token-value")).ToHaveCountAsync(0);
        await Assertions.Expect(section.GetByTestId("api-token-row")).Not.ToContainTextAsync("从未使用");
        await section.GetByTestId("api-token-revoke").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog).ToContainTextAsync("周报脚本");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "撤销" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("已撤销令牌“周报脚本”");
        await Assertions.Expect(section.GetByTestId("api-token-row")).ToContainTextAsync("已撤销");
        await Assertions.Expect(section.GetByTestId("api-token-revoke")).ToHaveCountAsync(0);
        await BrowserPortal.ScreenshotAsync(page, "api-token-revoked");

        (await http.GetAsync("api/v1/plans")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
