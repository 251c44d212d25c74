using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ActionPlan.E2ETests;

public sealed partial class TaskJourneyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task Office_filters_the_list_by_domain_opens_a_task_and_sees_its_milestones()
    {
        var page = await portal.OpenAsync("tasks");
        (await page.GetByTestId("result-count").InnerTextAsync()).Should().Contain("共 165 项任务");

        // Under load a click on the opening popover can be lost: choose again until the URL follows.
        for (var attempt = 1; ; attempt++)
        {
            await BrowserPortal.ChooseAsync(page, page.Locator("body"), "领域", "工程建设项目审批领域");
            try
            {
                await page.WaitForURLAsync(DomainTwo(), new() { WaitUntil = WaitUntilState.Commit, Timeout = 10_000 });
                break;
            }
            catch (TimeoutException) when (attempt < 3)
            {
                await page.Keyboard.PressAsync("Escape");
            }
        }

        await Assertions.Expect(page.GetByTestId("result-count")).ToContainTextAsync("筛选出 14 项任务");
        var titles = await page.GetByTestId("task-link").AllInnerTextsAsync();
        titles.Should().HaveCount(14).And.Contain("完善土地供应前基础配套设施").And.NotContain("提升设立登记便利度");
        await BrowserPortal.ScreenshotAsync(page, "task-list-domain-2");

        await page.GetByTestId("task-link").Filter(new() { HasText = "完善土地供应前基础配套设施" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/tasks/12$"), new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.Locator("#page-title")).ToContainTextAsync("12. 完善土地供应前基础配套设施");
        var milestone = page.GetByTestId("milestone");
        await Assertions.Expect(milestone).ToHaveCountAsync(1);
        await Assertions.Expect(milestone.First).ToContainTextAsync("2022-11-30");
        await Assertions.Expect(milestone.First).ToContainTextAsync("实现供应土地具备完善的基础设施配套");
        await Assertions.Expect(page.GetByTestId("lead-units")).ToContainTextAsync("省自然资源厅");
        await BrowserPortal.ScreenshotAsync(page, "task-detail-12");
    }

    [Fact]
    public async Task Search_and_back_button_keep_the_filters_in_the_url()
    {
        var page = await portal.OpenAsync("tasks?domain=18");
        await Assertions.Expect(page.GetByTestId("result-count")).ToContainTextAsync("筛选出 10 项任务");

        var search = page.Locator("input[data-testid=filter-search], [data-testid=filter-search] input").First;
        await search.FillAsync("政策有效期");
        await search.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("q=%E6%94%BF"), new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.GetByTestId("result-count")).ToContainTextAsync("筛选出 2 项任务");

        await page.GoBackAsync();
        await Assertions.Expect(page.GetByTestId("result-count")).ToContainTextAsync("筛选出 10 项任务");
    }

    [GeneratedRegex("domain=2(&|$)")]
    private static partial Regex DomainTwo();
}
