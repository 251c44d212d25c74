using ActionPlan.IntegrationTests;
using Microsoft.Playwright;

namespace ActionPlan.E2ETests;

/// <summary>The browser portal with the robots' base URL on a local stand-in and a sender that runs every second.</summary>
public sealed class ChannelBrowserPortal : BrowserPortal
{
    public RobotReceiver Robot { get; private set; } = null!;

    protected override Dictionary<string, string> ExtraSettings => new()
    {
        ["Channels:WeComBaseUrl"] = Robot.BaseUrl,
        ["Channels:DingTalkBaseUrl"] = Robot.BaseUrl,
        ["Channels:SendInterval"] = "00:00:01",
    };

    protected override async Task BeforeStartAsync() => Robot = await RobotReceiver.StartAsync();

    protected override ValueTask AfterStopAsync() => Robot.DisposeAsync();
}

/// <summary>An administrator adds a 企业微信 channel for a unit (a wrong address refused at the field, the input kept) and sends a test message, which reaches the robot and shows as 已发送.</summary>
public sealed class ChannelJourneyTests(ChannelBrowserPortal portal) : IClassFixture<ChannelBrowserPortal>
{
    [Fact]
    public async Task An_admin_adds_a_WeCom_channel_and_the_test_message_reaches_the_robot()
    {
        var page = await portal.SignInAsync("admin1");
        await page.GetByTestId("nav-channels").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/admin/channels", StringComparison.Ordinal));
        await BrowserPortal.WaitInteractiveAsync(page);
        await Assertions.Expect(page.Locator("#page-title")).ToHaveTextAsync("消息通道");
        await Assertions.Expect(page.GetByTestId("channels-empty")).ToContainTextAsync("还没有消息通道");

        await page.GetByTestId("create-channel").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await dialog.GetByTestId("channel-name").FillAsync("市场监管局工作群");
        await BrowserPortal.ChooseAsync(page, dialog, "接收范围", "省市场监管局");
        var target = dialog.GetByTestId("channel-target");
        await target.FillAsync("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=journey-key-01");
        await dialog.GetByTestId("channel-save").ClickAsync();
        await Assertions.Expect(dialog).ToContainTextAsync($"Webhook 地址须以 {portal.Robot.BaseUrl}/cgi-bin/webhook/send? 开头");
        await Assertions.Expect(target).ToHaveValueAsync("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=journey-key-01");
        await BrowserPortal.ScreenshotAsync(page, "channel-refused");

        await target.FillAsync($"{portal.Robot.BaseUrl}/cgi-bin/webhook/send?key=journey-key-01");
        await dialog.GetByTestId("channel-save").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("已添加通道“市场监管局工作群”（企业微信机器人，省市场监管局）");
        var row = page.Locator("tr").Filter(new() { HasText = "市场监管局工作群" });
        await Assertions.Expect(row).ToContainTextAsync("jour…y-01");
        await Assertions.Expect(row).ToContainTextAsync("从未发送");

        await row.GetByRole(AriaRole.Button, new() { Name = "发送测试消息" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("测试消息已加入发送队列");
        for (var wait = 0; wait < 100 && portal.Robot.Requests.IsEmpty; wait++)
        {
            await Task.Delay(100);
        }

        var request = portal.Robot.Requests.Should().ContainSingle().Which;
        request.Query["key"].Should().Be("journey-key-01");
        request.Json.GetProperty("markdown").GetProperty("content").GetString().Should().Contain("市场监管局工作群");

        await page.GetByRole(AriaRole.Tab, new() { Name = "发送记录" }).ClickAsync();
        await page.GetByTestId("outbox-sent").ClickAsync();
        await Assertions.Expect(page.GetByTestId("outbox-table")).ToContainTextAsync("测试消息：市场监管局工作群");
        await Assertions.Expect(page.GetByTestId("outbox-sent")).ToContainTextAsync("已发送（1）");
        await BrowserPortal.ScreenshotAsync(page, "channel-outbox-sent");

        await page.GetByRole(AriaRole.Tab, new() { Name = "通道（1）" }).ClickAsync();
        await Assertions.Expect(page.Locator("tr").Filter(new() { HasText = "市场监管局工作群" })).Not.ToContainTextAsync("从未发送");
        await BrowserPortal.ScreenshotAsync(page, "channel-list");
    }
}
