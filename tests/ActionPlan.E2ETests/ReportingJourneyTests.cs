using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Rounds;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ActionPlan.E2ETests;

/// <summary>报送与督办 on the 总览 and in the 调度通报, in the browser, on the simulated date 2022-06-20.</summary>
public sealed class ReportingJourneyTests(SimulatedDatePortal portal) : IClassFixture<SimulatedDatePortal>
{
    [Fact]
    public async Task The_dashboard_and_the_dispatch_report_show_the_rounds_reports_slips_and_extensions()
    {
        var rounds = portal.Portal.Services.GetRequiredService<ReportingRounds>();
        var input = RoundInput.Monthly(new DateOnly(2022, 6, 1));
        input.DomainNumber = 1;
        var opened = await rounds.OpenAsync(new AccessScope("office1", true, null, true, false), (await portal.Portal.WithDbAsync(db => db.Plans.Select(p => p.Id).SingleAsync())), input);
        opened.Succeeded.Should().BeTrue(opened.Message);
        var roundId = opened.RoundId!.Value;
        // Three reports in on time, one late; the rest missing. Two open slips (蓝, 红) and one approved extension.
        var expected = await portal.Portal.WithDbAsync(db => db.PlanTaskLeadUnits.CountAsync(l => l.PlanTask.Domain.Number == 1));
        await portal.Portal.WithDbAsync(async db =>
        {
            var links = await db.PlanTaskLeadUnits.Where(l => l.PlanTask.Domain.Number == 1).OrderBy(l => l.PlanTask.Number).ThenBy(l => l.Position).Take(4).ToListAsync();
            db.RoundSubmissions.AddRange(links.Select((l, i) => new RoundSubmission
            {
                RoundId = roundId, PlanTaskId = l.PlanTaskId, LeadUnitId = l.LeadUnitId, FirstSubmittedOn = i < 3 ? new DateOnly(2022, 6, 18) : new DateOnly(2022, 6, 27),
                Report = new ProgressReport { PlanTaskId = l.PlanTaskId, LeadUnitId = l.LeadUnitId, Author = "unit", Text = "本月进展。", State = ReviewState.Submitted, CreatedAt = DateTimeOffset.UtcNow, SubmittedAt = DateTimeOffset.UtcNow },
            }));
            return await db.SaveChangesAsync();
        });
        await portal.Portal.WithDbAsync(async db =>
        {
            var task = await db.PlanTasks.Include(t => t.Milestones).OrderBy(t => t.Number).FirstAsync(t => t.Milestones.Count > 0);
            SupervisionSlip Slip(int number, SlipLevel level) => new()
            {
                PlanTaskId = task.Id, Number = number, Level = level, Matter = "时间节点逾期未完成。", ReplyBy = new(2022, 6, 30), IssuedAt = DateTimeOffset.UtcNow, IssuedBy = "office1",
            };
            db.SupervisionSlips.AddRange(Slip(1, SlipLevel.Blue), Slip(2, SlipLevel.Red));
            var milestone = task.Milestones.OrderBy(m => m.Position).First();
            var unit = await db.PlanTaskLeadUnits.Where(l => l.PlanTaskId == task.Id).Select(l => l.LeadUnitId).FirstAsync();
            db.ExtensionRequests.Add(new ExtensionRequest
            {
                MilestoneId = milestone.Id, LeadUnitId = unit, CurrentDue = milestone.Due, RequestedDue = milestone.Due.AddDays(30), Reason = "需协调。",
                RequestedBy = "unit1", RequestedAt = DateTimeOffset.UtcNow, State = ExtensionState.Approved, DecidedBy = "office1", DecidedAt = DateTimeOffset.UtcNow,
            });
            milestone.OriginalDue = milestone.Due;
            milestone.Due = milestone.Due.AddDays(30);
            return await db.SaveChangesAsync();
        });

        var page = await portal.SignInAsync("office1");
        await page.GotoAsync(new Uri(portal.BaseAddress, "dashboard").ToString());
        await BrowserPortal.WaitInteractiveAsync(page);
        var section = page.GetByTestId("reporting-section");
        await Assertions.Expect(section).ToContainTextAsync("2022年6月调度");
        await Assertions.Expect(section.Locator("[data-key=expected]")).ToHaveTextAsync(expected.ToString("N0"));
        await Assertions.Expect(section.Locator("[data-key=ontime]")).ToHaveTextAsync("3");
        await Assertions.Expect(section.Locator("[data-key=late]")).ToHaveTextAsync("1");
        await Assertions.Expect(section.Locator("[data-key=missing]")).ToHaveTextAsync((expected - 4).ToString("N0"));
        await Assertions.Expect(section.Locator("[data-key=slips-Red]")).ToHaveTextAsync("1");
        await Assertions.Expect(section.Locator("[data-key=extended]")).ToHaveTextAsync("1");
        Directory.CreateDirectory(BrowserPortal.ScreenshotFolder);
        await section.ScreenshotAsync(new() { Path = Path.Combine(BrowserPortal.ScreenshotFolder, "dashboard-reporting-section.png") });
        await BrowserPortal.ScreenshotAsync(page, "dashboard-with-reporting");

        await page.GotoAsync(new Uri(portal.BaseAddress, "dispatch?month=2022-06&asof=2022-06-20").ToString());
        await BrowserPortal.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("dispatch-summary")).ToContainTextAsync($"本月调度应报送{expected}份，按时报送3份，逾期报送1份，未报送{expected - 4}份；现有督办单2件（红色1件、黄色0件、蓝色1件）；批准延期1个时间节点。");
        var table = page.GetByTestId("dispatch-reporting");
        await Assertions.Expect(table.Locator("tfoot")).ToContainTextAsync("合计");
        await table.ScrollIntoViewIfNeededAsync();
        await page.Locator("h2", new() { HasText = "六、报送与督办情况" }).ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserPortal.ScreenshotFolder, "dispatch-reporting-section.png") });
    }
}
