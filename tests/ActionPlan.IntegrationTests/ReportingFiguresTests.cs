using System.Net;
using System.Text.RegularExpressions;
using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Dispatch;
using ActionPlan.Web.Features.Rounds;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ActionPlan.IntegrationTests;

/// <summary>
/// 报送与督办 on the 总览 and in the 调度通报, hand-counted on the seeded plan with rows written directly: a closed May
/// round (one report, missing) and an open June round, due 25 June, over units A, B and C: A on time (approved) and
/// late (returned), B on the due day (waiting) and missing, C missing; open 督办单 蓝 2 (one to A), 黄 1, 红 1, plus a
/// closed 蓝 and the escalated 黄 the 红 came from (neither open); one approved 延期申请 (A's, its milestone moved) and one refused.
/// </summary>
public abstract partial class ReportingFiguresTests(PortalFixture fixture)
{
    private static string Sentence(Units s) => $"本月调度应报送{s.Links}份，按时报送2份，逾期报送1份，未报送{s.Links - 3}份；现有督办单4件（红色1件、黄色1件、蓝色2件）；批准延期1个时间节点。";
    private static readonly AccessScope Office = new("office1", true, null, true, false);

    private PortalFactory Portal => fixture.Portal;

    /// <summary>The plan, units A–C, and hand counts from the plan's links: each unit's, the plan's, and May's domain's.</summary>
    private sealed record Units(int PlanId, int A, string AName, int B, string BName, int C, string CName, int LinksA, int LinksB, int LinksC, int Links, int MayLinks);

    private async Task<Units> StateAsync()
    {
        var contexts = Portal.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var planId = await db.Plans.Select(p => p.Id).SingleAsync();
        var links = await db.PlanTaskLeadUnits.Where(l => l.PlanTask.PlanId == planId)
            .OrderBy(l => l.PlanTask.Number).ThenBy(l => l.Position)
            .Select(l => new { l.PlanTaskId, l.LeadUnitId, l.LeadUnit.Name })
            .ToListAsync();
        var units = links.GroupBy(l => l.LeadUnitId).Where(g => g.Count() >= 2).OrderBy(g => g.Key).Take(3).Select(g => g.ToList()).ToList();
        var (a, b, c) = (units[0], units[1], units[2]);
        // A round asks every task × lead unit of its scope (no task of the real plan is 销号 here).
        var mayDomain = await db.PlanTasks.Where(t => t.Id == a[0].PlanTaskId).Select(t => t.DomainId).SingleAsync();
        var mayLinks = await db.PlanTaskLeadUnits.CountAsync(l => l.PlanTask.DomainId == mayDomain);
        var state = new Units(planId, a[0].LeadUnitId, a[0].Name, b[0].LeadUnitId, b[0].Name, c[0].LeadUnitId, c[0].Name,
            a.Count, b.Count, c.Count, links.Count, mayLinks);
        if (await db.ReportingRounds.AnyAsync(r => r.PlanId == planId))
        {
            return state;
        }

        var now = DateTimeOffset.UtcNow;
        var may = new ReportingRound
        {
            PlanId = planId, Name = "2022年5月调度", PeriodStart = new(2022, 5, 1), PeriodEnd = new(2022, 5, 31), DueOn = new(2022, 5, 25),
            DomainId = mayDomain, OpenedAt = now, OpenedBy = "office1", ClosedAt = now, ClosedBy = "office1",
        };
        var june = new ReportingRound
        {
            PlanId = planId, Name = "2022年6月调度", PeriodStart = new(2022, 6, 1), PeriodEnd = new(2022, 6, 30), DueOn = new(2022, 6, 25),
            OpenedAt = now, OpenedBy = "office1",
        };
        RoundSubmission Received(int task, int unit, DateOnly on, ReviewState review) => new()
        {
            PlanTaskId = task, LeadUnitId = unit, FirstSubmittedOn = on,
            Report = new ProgressReport { PlanTaskId = task, LeadUnitId = unit, Author = "unit", Text = "本月进展。", State = review, CreatedAt = now, SubmittedAt = now },
        };
        // Three reports in (one late); everything else the round asks is missing.
        june.Submissions.AddRange(
        [
            Received(a[0].PlanTaskId, a[0].LeadUnitId, new(2022, 6, 20), ReviewState.Approved),
            Received(a[1].PlanTaskId, a[1].LeadUnitId, new(2022, 6, 27), ReviewState.Returned),
            Received(b[0].PlanTaskId, b[0].LeadUnitId, new(2022, 6, 25), ReviewState.Submitted),
        ]);
        db.ReportingRounds.AddRange(may, june);

        var number = 0;
        SupervisionSlip Slip(SlipLevel level, int task, int? to = null) => new()
        {
            PlanTaskId = task, Number = ++number, Level = level, Matter = "时间节点逾期未完成。", ReplyBy = new(2022, 6, 30), IssuedAt = now, IssuedBy = "office1",
            Recipients = to is { } unit ? [new SlipRecipient { LeadUnitId = unit }] : [],
        };
        var escalated = Slip(SlipLevel.Yellow, b[0].PlanTaskId);
        escalated.EscalatedAt = now;
        var closed = Slip(SlipLevel.Blue, c[0].PlanTaskId);
        closed.ClosedAt = now;
        closed.ClosedBy = "office1";
        db.SupervisionSlips.AddRange(Slip(SlipLevel.Blue, a[0].PlanTaskId, a[0].LeadUnitId), Slip(SlipLevel.Blue, b[1].PlanTaskId), Slip(SlipLevel.Yellow, c[0].PlanTaskId), escalated, closed);
        await db.SaveChangesAsync();
        var red = Slip(SlipLevel.Red, b[0].PlanTaskId);
        red.EscalatedFromId = escalated.Id;
        db.SupervisionSlips.Add(red);
        await db.SaveChangesAsync();

        var milestones = await db.Milestones.Where(m => m.PlanTaskId == a[0].PlanTaskId || m.PlanTaskId == b[0].PlanTaskId)
            .OrderBy(m => m.PlanTaskId == a[0].PlanTaskId ? 0 : 1).ThenBy(m => m.Position).ToListAsync();
        var (moved, kept) = (milestones.First(m => m.PlanTaskId == a[0].PlanTaskId), milestones.First(m => m.PlanTaskId == b[0].PlanTaskId));
        db.ExtensionRequests.AddRange(
            new ExtensionRequest { MilestoneId = moved.Id, LeadUnitId = a[0].LeadUnitId, CurrentDue = moved.Due, RequestedDue = moved.Due.AddDays(30), Reason = "需协调。", RequestedBy = "unit", RequestedAt = now, State = ExtensionState.Approved, DecidedBy = "office1", DecidedAt = now },
            new ExtensionRequest { MilestoneId = kept.Id, LeadUnitId = b[0].LeadUnitId, CurrentDue = kept.Due, RequestedDue = kept.Due.AddDays(30), Reason = "需协调。", RequestedBy = "unit", RequestedAt = now, State = ExtensionState.Refused, DecidedBy = "office1", DecidedAt = now, DecisionNote = "理由不充分。" });
        moved.OriginalDue = moved.Due;
        moved.Due = moved.Due.AddDays(30);
        await db.SaveChangesAsync();
        return state;
    }

    private Task<ReportingFigures> FiguresAsync(AccessScope scope, int planId, DateOnly? month = null) =>
        Portal.Services.GetRequiredService<RoundReportingFigures>().LoadAsync(scope, planId, month);

    [Fact]
    public async Task The_current_round_is_the_open_one_and_its_figures_match_the_hand_counts()
    {
        var s = await StateAsync();

        var f = await FiguresAsync(Office, s.PlanId);

        f.Round!.Name.Should().Be("2022年6月调度", "the open round comes before the newer-or-older closed one");
        f.Round.IsOpen.Should().BeTrue();
        f.Totals.Should().Be(new RoundFigures(Expected: s.Links, Submitted: 3, Approved: 1, Returned: 1, Waiting: 1, Missing: s.Links - 3, Late: 1));
        f.Totals.OnTime.Should().Be(2, "20 June and the due day itself are on time");
        f.Units.Where(u => u.Unit == s.AName || u.Unit == s.BName || u.Unit == s.CName)
            .Select(u => (u.Unit, u.Figures.Expected, u.Figures.OnTime, u.Figures.Late, u.Figures.Missing, u.Figures.Approved, u.Figures.Returned)).Should().BeEquivalentTo(new[]
        {
            (s.AName, s.LinksA, 1, 1, s.LinksA - 2, 1, 1),
            (s.BName, s.LinksB, 1, 0, s.LinksB - 1, 0, 0),
            (s.CName, s.LinksC, 0, 0, s.LinksC, 0, 0),
        });
        f.Units.Sum(u => u.Figures.Expected).Should().Be(s.Links, "every unit of the plan is listed");
        f.Units.Select(u => u.Figures.Missing).Should().BeInDescendingOrder("units with more missing reports come first");
        f.Slips.Should().Be(new SlipCounts(Blue: 2, Yellow: 1, Red: 1), "the closed blue and the escalated yellow are not open");
        f.ExtensionsApproved.Should().Be(1, "the refused request does not count");
        f.MilestonesMoved.Should().Be(1);
        f.Sentence.Should().Be(Sentence(s));
    }

    [Fact]
    public async Task A_month_takes_the_round_covering_it_and_a_unit_sees_its_own_figures()
    {
        var s = await StateAsync();

        var may = await FiguresAsync(Office, s.PlanId, new DateOnly(2022, 5, 1));
        may.Round!.Name.Should().Be("2022年5月调度");
        may.Totals.Should().Be(new RoundFigures(s.MayLinks, 0, 0, 0, 0, s.MayLinks, 0), "May asked one domain and received nothing");
        (await FiguresAsync(Office, s.PlanId, new DateOnly(2022, 9, 1))).Round!.Name.Should().Be("2022年6月调度", "no round covers September: the current one");

        var unit = await FiguresAsync(new AccessScope("unitA", false, s.A, false, false), s.PlanId);
        unit.Units.Should().ContainSingle().Which.Unit.Should().Be(s.AName);
        unit.Totals.Should().Be(new RoundFigures(s.LinksA, 2, 1, 1, 0, s.LinksA - 2, 1));
        unit.Slips.Should().Be(new SlipCounts(1, 0, 0), "one open slip is addressed to unit A");
        (unit.ExtensionsApproved, unit.MilestonesMoved).Should().Be((1, 1));

        var nobody = await FiguresAsync(AccessScope.Nobody, s.PlanId);
        (nobody.Units.Count, nobody.Slips.Total, nobody.MilestonesMoved).Should().Be((0, 0, 0));
    }

    [Fact]
    public async Task The_dashboard_shows_the_section_with_the_hand_counted_figures_within_five_round_trips()
    {
        var s = await StateAsync();

        (await fixture.Client.GetAsync("/dashboard")).StatusCode.Should().Be(HttpStatusCode.OK);
        var before = Portal.Commands.Count;
        var response = await fixture.Client.GetAsync("/dashboard");
        var used = Portal.Commands.Count - before;
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Replace("<!--!-->", "");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        used.Should().BeInRange(1, 5);
        html.Should().Contain("报送与督办").And.Contain("2022年6月调度");
        var figures = Figure().Matches(html).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        figures.Should().Contain(new Dictionary<string, string>
        {
            ["expected"] = s.Links.ToString("N0"), ["ontime"] = "2", ["late"] = "1", ["missing"] = (s.Links - 3).ToString("N0"), ["approved"] = "1", ["returned"] = "1",
            ["slips-Blue"] = "2", ["slips-Yellow"] = "1", ["slips-Red"] = "1", ["extended"] = "1", ["extensions"] = "1",
        });
        html.Should().Contain("href=\"slips?level=Red\"").And.MatchRegex("href=\"rounds/\\d+\"");
        html.IndexOf("data-testid=\"reporting-section\"", StringComparison.Ordinal).Should()
            .BeGreaterThan(html.IndexOf("逾期未完成节点", StringComparison.Ordinal), "the section follows the headline figures")
            .And.BeLessThan(html.IndexOf("data-testid=\"status-chart\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_dispatch_report_has_the_sentence_the_table_and_the_sheet_within_five_round_trips()
    {
        var s = await StateAsync();

        // The current plan is read once a minute for the whole server (CurrentPlan): not part of this page's cost.
        (await fixture.Client.GetAsync("/dispatch?month=2022-06&asof=2022-06-20")).StatusCode.Should().Be(HttpStatusCode.OK);
        var before = Portal.Commands.Count;
        var response = await fixture.Client.GetAsync("/dispatch?month=2022-06&asof=2022-06-20");
        var used = Portal.Commands.Count - before;
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Replace("<!--!-->", "");

        used.Should().BeInRange(1, 5);
        html.Should().Contain(Sentence(s)).And.Contain("六、报送与督办情况").And.Contain("2022年6月调度（2022年6月25日前报送）");
        html.Should().MatchRegex($"<td>{Regex.Escape(s.AName)}</td><td class=\"n\">{s.LinksA}</td><td class=\"n\">1</td><td class=\"n\">1</td><td class=\"n\">{s.LinksA - 2}</td><td class=\"n\">1</td><td class=\"n\">1</td>");
        html.Should().MatchRegex($"<td>合计</td><td class=\"n\">{s.Links}</td><td class=\"n\">2</td><td class=\"n\">1</td><td class=\"n\">{s.Links - 3}</td><td class=\"n\">1</td><td class=\"n\">1</td>");

        var xlsx = await fixture.Client.GetAsync(DispatchEndpoints.Path + "?month=2022-06&asof=2022-06-20");
        using var document = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Descendants<Sheet>().Single(x => x.Name == "报送与督办");
        var rows = ((WorksheetPart)workbook.GetPartById(sheet.Id!.Value!)).Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "").ToArray())
            .ToList();
        rows[2].Should().Equal(DispatchWorkbook.ReportingHeaders);
        rows[3][0].Should().Be("调度轮次：2022年6月调度（2022-06-25前报送）");
        rows.Should().ContainEquivalentOf(new[] { s.AName, $"{s.LinksA}", "1", "1", $"{s.LinksA - 2}", "1", "1" });
        rows.Should().ContainEquivalentOf(new[] { "合计", $"{s.Links}", "2", "1", $"{s.Links - 3}", "1", "1" });
        rows.Should().ContainEquivalentOf(new[] { "红色督办单", "1" }).And.ContainEquivalentOf(new[] { "蓝色督办单", "2" }).And.ContainEquivalentOf(new[] { "批准延期节点", "1" });
        var summary = await fixture.Client.GetStringAsync("/dispatch?month=2022-05&asof=2022-05-31");
        WebUtility.HtmlDecode(summary).Should().Contain($"本月调度应报送{s.MayLinks}份，按时报送0份，逾期报送0份，未报送{s.MayLinks}份；");
    }

    [Fact]
    public async Task Kept_figures_are_emptied_by_a_save_that_changes_what_they_count()
    {
        var s = await StateAsync();
        var contexts = Portal.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var kept = new RoundReportingFigures(contexts, Portal.Services.GetRequiredService<ReportingDataSaved>(), TimeProvider.System, TimeSpan.FromMinutes(5));
        var first = await kept.LoadAsync(Office, s.PlanId);
        (await kept.LoadAsync(Office, s.PlanId)).Should().BeSameAs(first, "kept for the lifetime");

        int closed;
        await using (var db = await contexts.CreateDbContextAsync())
        {
            var slip = await db.SupervisionSlips.FirstAsync(x => x.Level == SlipLevel.Blue && x.ClosedAt == null);
            (slip.ClosedAt, slip.ClosedBy, closed) = (DateTimeOffset.UtcNow, "office1", slip.Id);
            await db.SaveChangesAsync();
        }

        try
        {
            (await kept.LoadAsync(Office, s.PlanId)).Slips.Blue.Should().Be(1, "closing a slip empties the kept figures");
        }
        finally
        {
            await Portal.WithDbAsync(db => db.SupervisionSlips.Where(x => x.Id == closed)
                .ExecuteUpdateAsync(x => x.SetProperty(v => v.ClosedAt, (DateTimeOffset?)null).SetProperty(v => v.ClosedBy, (string?)null)));
        }
    }

    [Fact]
    public async Task Expired_figures_are_served_once_more_while_one_recount_runs_and_then_replaced()
    {
        var s = await StateAsync();
        var contexts = Portal.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var kept = new RoundReportingFigures(contexts, null, time, TimeSpan.FromSeconds(10));
        var first = await kept.LoadAsync(Office, s.PlanId);
        var closed = await Portal.WithDbAsync(db => db.SupervisionSlips.Where(x => x.Level == SlipLevel.Blue && x.ClosedAt == null).Select(x => x.Id).FirstAsync());
        // Written around the interceptors, as another instance's save would look to this one.
        await Portal.WithDbAsync(db => db.SupervisionSlips.Where(x => x.Id == closed)
            .ExecuteUpdateAsync(x => x.SetProperty(v => v.ClosedAt, DateTimeOffset.UtcNow).SetProperty(v => v.ClosedBy, "office1")));
        try
        {
            (await kept.LoadAsync(Office, s.PlanId)).Should().BeSameAs(first, "within the lifetime");

            time.Advance(TimeSpan.FromSeconds(11));
            (await kept.LoadAsync(Office, s.PlanId)).Should().BeSameAs(first, "expired figures are served while the recount runs");
            ReportingFigures? recounted = null;
            for (var i = 0; i < 100 && recounted is null; i++)
            {
                await Task.Delay(50);
                var now = await kept.LoadAsync(Office, s.PlanId);
                recounted = ReferenceEquals(now, first) ? null : now;
            }

            recounted.Should().NotBeNull("the recount replaces the figures once it has counted");
            recounted!.Slips.Blue.Should().Be(first.Slips.Blue - 1);

            time.Advance(TimeSpan.FromSeconds(25));
            var waited = kept.LoadAsync(Office, s.PlanId);
            (await waited).Should().NotBeSameAs(recounted, "figures older than two lifetimes are counted again before they are shown");
        }
        finally
        {
            await Portal.WithDbAsync(db => db.SupervisionSlips.Where(x => x.Id == closed)
                .ExecuteUpdateAsync(x => x.SetProperty(v => v.ClosedAt, (DateTimeOffset?)null).SetProperty(v => v.ClosedBy, (string?)null)));
        }
    }

    [GeneratedRegex("data-key=\"([\\w-]+)\"[^>]*>\\s*(?:<a[^>]*>)?([\\d,]+)")]
    private static partial Regex Figure();
}

public sealed class SqliteReportingFiguresTests(SqlitePortal fixture) : ReportingFiguresTests(fixture), IClassFixture<SqlitePortal>;

public sealed class PostgresReportingFiguresTests(PostgresPortal fixture) : ReportingFiguresTests(fixture), IClassFixture<PostgresPortal>;
