using System.Text.Encodings.Web;
using System.Text.Json;
using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Audit;
using ActionPlan.Web.Features.Shared;
using ActionPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Features.Dispatch;

/// <summary>
/// 签发: the office issues a month's 调度通报 as 第N期. The report is built once, as the page would show it, and
/// stored whole (HTML, figures, .docx and .xlsx) in one row; afterwards it is only read, so what was issued stays
/// exactly as issued and reading it asks nothing of the task tables.
/// </summary>
public sealed class DispatchIssues(
    IDbContextFactory<AppDbContext> contexts, DispatchReportQueries queries, PortalClock clock, AuditWriter audit, IServiceProvider services, ILogger<DispatchIssues> logger)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Who may read issued reports: those who see the whole plan (the reports cover every unit).</summary>
    public static bool MayRead(AccessScope scope) => scope.SeesAllTasks;

    public static string MonthText(DateOnly month, DateOnly asOf) => $"{StatusText.Month(month)}，截至{StatusText.LongDate(asOf)}";

    /// <summary>The number the next issue of the plan will get.</summary>
    public async Task<int> NextNumberAsync(int planId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await NextNumberAsync(db, planId, cancellationToken);
    }

    public async Task<DispatchIssueResult> IssueAsync(AccessScope scope, PlanOverview plan, DateOnly month, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        if (!scope.CanEditTasks)
        {
            return DispatchIssueResult.Fail("只有省营转办可以签发调度通报。");
        }

        var today = clock.Today;
        if (month.Day != 1 || month > new DateOnly(today.Year, today.Month, 1))
        {
            return DispatchIssueResult.Fail($"{StatusText.Month(month)}尚未到来，不能签发该月的通报。");
        }

        if (asOf < month || asOf > today || asOf > month.AddMonths(1).AddDays(-1))
        {
            return DispatchIssueResult.Fail($"截至日期须在{StatusText.Month(month)}内且不晚于今天（{StatusText.LongDate(today)}）。");
        }

        // The whole plan's report, whatever the issuer's own page shows.
        var report = await queries.LoadAsync(scope with { SeesAllTasks = true, LeadUnitId = null }, plan, month, asOf, cancellationToken);
        var figures = JsonSerializer.Serialize(report, Json);
        var xlsx = DispatchWorkbook.Write(report);

        // Two issuers at once both read the same next number; the unique index lets one of them in, the other tries the next.
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            // The name the report prints is the account's, not one the caller could pass.
            var issuerName = await db.Users.Where(u => u.UserName == scope.UserName).Select(u => u.DisplayName ?? u.UserName).SingleOrDefaultAsync(cancellationToken)
                ?? scope.UserName;
            var number = await NextNumberAsync(db, plan.Id, cancellationToken);
            var edition = new DispatchEdition(number, today, issuerName);
            var issued = new IssuedDispatchReport
            {
                PlanId = plan.Id,
                Number = number,
                Month = month,
                AsOf = asOf,
                IssuedAt = clock.Now,
                IssuedBy = scope.UserName,
                IssuerName = issuerName,
                Title = DispatchWorkbook.Title(report),
                Summary = report.Summary,
                Html = await RenderAsync(report, edition),
                FiguresJson = figures,
                Docx = DispatchDocument.Write(report, edition),
                Xlsx = xlsx,
            };
            db.IssuedDispatchReports.Add(issued);
            audit.DispatchIssued(db, scope, issued, new AuditChange(AuditField.Dispatch, null, $"第{number}期：{MonthText(month, asOf)}"));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                continue;
            }
            catch (DbUpdateException)
            {
                return DispatchIssueResult.Fail("同时有其他人在签发通报，本次未签发，请重试。");
            }

            logger.LogInformation("{User} issued dispatch report {Number} of plan {Plan} ({Month:yyyy-MM}, as of {AsOf})", scope.UserName, number, plan.Id, month, asOf);
            return DispatchIssueResult.Ok($"已签发第{number}期调度通报（{MonthText(month, asOf)}）。", number);
        }
    }

    /// <summary>The plan's issued reports, newest first, without their content.</summary>
    public async Task<IReadOnlyList<IssuedDispatchRow>> ListAsync(AccessScope scope, int planId, CancellationToken cancellationToken = default)
    {
        if (!MayRead(scope))
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.IssuedDispatchReports.AsNoTracking().Where(r => r.PlanId == planId).OrderByDescending(r => r.Number)
            .Select(r => new IssuedDispatchRow(r.Number, r.Month, r.AsOf, r.IssuedAt, r.IssuerName, r.Title, r.Summary))
            .ToListAsync(cancellationToken);
    }

    /// <summary>One issued report's page, as stored.</summary>
    public async Task<IssuedDispatchView?> GetAsync(AccessScope scope, int planId, int number, CancellationToken cancellationToken = default)
    {
        if (!MayRead(scope))
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.IssuedDispatchReports.AsNoTracking().Where(r => r.PlanId == planId && r.Number == number)
            .Select(r => new IssuedDispatchView(new IssuedDispatchRow(r.Number, r.Month, r.AsOf, r.IssuedAt, r.IssuerName, r.Title, r.Summary), r.Html))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The stored .docx or .xlsx of an issued report, byte for byte as issued, and its file name.</summary>
    public async Task<(byte[] Content, string FileName)?> FileAsync(AccessScope scope, int planId, int number, bool word, CancellationToken cancellationToken = default)
    {
        if (!MayRead(scope))
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var reports = db.IssuedDispatchReports.AsNoTracking().Where(r => r.PlanId == planId && r.Number == number);
        var file = word
            ? await reports.Select(r => new { r.Month, r.AsOf, Content = r.Docx }).SingleOrDefaultAsync(cancellationToken)
            : await reports.Select(r => new { r.Month, r.AsOf, Content = r.Xlsx }).SingleOrDefaultAsync(cancellationToken);
        return file is null ? null
            : (file.Content, $"调度通报-第{number}期-{StatusText.MonthKey(file.Month)}-截至{StatusText.ShortDate(file.AsOf)}.{(word ? "docx" : "xlsx")}");
    }

    private static async Task<int> NextNumberAsync(AppDbContext db, int planId, CancellationToken cancellationToken) =>
        (await db.IssuedDispatchReports.Where(r => r.PlanId == planId).MaxAsync(r => (int?)r.Number, cancellationToken) ?? 0) + 1;

    /// <summary>
    /// The article as the page shows it. This service is a singleton and holds the root provider, from which
    /// scoped services (the renderer's own) must not be taken (Development validates that): a scope of its own.
    /// </summary>
    private async Task<string> RenderAsync(DispatchReport report, DispatchEdition edition)
    {
        await using var scope = services.CreateAsyncScope();
        return await StaticHtml.RenderAsync<DispatchArticle>(scope.ServiceProvider, new()
        {
            [nameof(DispatchArticle.Report)] = report,
            [nameof(DispatchArticle.Edition)] = edition,
        });
    }
}
