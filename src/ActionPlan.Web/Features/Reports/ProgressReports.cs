using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Audit;
using ActionPlan.Web.Features.Rounds;
using ActionPlan.Web.Features.Rules;
using ActionPlan.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Features.Reports;

/// <summary>
/// 进展报送: a lead unit writes reports on its own tasks (drafts, then submits); the office approves them,
/// which applies the claimed progress to the task with an audit trail, or returns them with a reason.
/// Scope is checked here on every call, whatever the page sends.
/// </summary>
public sealed class ProgressReports(IDbContextFactory<AppDbContext> contexts, TimeProvider clock, AuditWriter audit, PortalClock portalClock, ReportingRounds rounds, ILogger<ProgressReports> logger)
{
    public async Task<ReportResult> SaveAsync(AccessScope scope, int planId, ReportInput input, bool submit, CancellationToken cancellationToken = default)
    {
        if (scope.LeadUnitId is not { } unitId)
        {
            return ReportResult.Fail("只有牵头单位可以报送进展。");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var task = await scope.Apply(db.PlanTasks).Include(t => t.Milestones).Include(t => t.Plan)
            .SingleOrDefaultAsync(t => t.PlanId == planId && t.Number == input.TaskNumber, cancellationToken);
        if (task is null)
        {
            return ReportResult.Fail("任务不存在。");
        }

        if (task.ClosedAt is not null)
        {
            return ReportResult.Fail($"任务 {task.Number} 已销号，不再报送进展。");
        }

        ProgressReport report;
        if (input.ReportId is { } id)
        {
            var existing = await db.ProgressReports.Include(r => r.Attachments).SingleOrDefaultAsync(r => r.Id == id && r.PlanTaskId == task.Id && r.LeadUnitId == unitId, cancellationToken);
            if (existing is null)
            {
                return ReportResult.Fail("报送不存在。");
            }

            if (existing.State != ReviewState.Draft)
            {
                return ReportResult.Fail("该报送已提交，不能再修改；如被退回，请在其基础上重新报送。");
            }

            report = existing;
        }
        else
        {
            report = new ProgressReport { PlanTask = task, LeadUnitId = unitId, Author = scope.UserName, Text = "", CreatedAt = clock.GetUtcNow() };
            db.ProgressReports.Add(report);
        }

        var errors = new Dictionary<string, string>();
        var text = input.Text?.Trim() ?? "";
        if (text.Length == 0)
        {
            errors["Text"] = "请填写进展情况。";
        }
        else if (text.Length > TextLimits.LongText)
        {
            // The same limit as the task's 进展情况, which approval copies the text into.
            errors["Text"] = $"进展情况不能超过 {TextLimits.LongText} 个字（现为 {text.Length} 个）。";
        }

        if (input.ClaimedProgress is < 0 or > 100)
        {
            errors["ClaimedProgress"] = "进度须在 0 到 100 之间。";
        }

        Milestone? milestone = null;
        if (input.MilestonePosition is { } position)
        {
            milestone = task.Milestones.SingleOrDefault(m => m.Position == position);
            var today = portalClock.Today;
            if (milestone is null)
            {
                errors["Milestone"] = "所选时间节点不属于该任务。";
            }
            else if (input.MilestoneCompletedOn is not { } on)
            {
                errors["Milestone"] = "请填写该时间节点的完成日期。";
            }
            else if (MilestoneCompletion.DateProblem(on, task.Plan.Year, today) is { } problem)
            {
                errors["Milestone"] = problem;
            }
        }

        var kept = report.Attachments.Where(a => !input.RemovedAttachmentIds.Contains(a.Id)).ToList();
        if (kept.Count + input.NewFiles.Count > EvidenceFile.MaxPerReport)
        {
            errors["Files"] = $"每份报送最多 {EvidenceFile.MaxPerReport} 个附件。";
        }

        var files = new List<ReportAttachment>();
        foreach (var upload in input.NewFiles)
        {
            var (file, error) = EvidenceFile.Inspect(upload.FileName, upload.Content);
            if (file is null)
            {
                errors["Files"] = error!;
                continue;
            }

            files.Add(new ReportAttachment { FileName = file.FileName, ContentType = file.ContentType, Size = upload.Content.Length, Content = upload.Content, UploadedAt = clock.GetUtcNow() });
        }

        // 申请销号: the unit reports the task finished, with evidence the office can check before it closes it.
        if (submit && input.IsFinal && input.ClaimedProgress != 100)
        {
            errors["ClaimedProgress"] = "申请销号的报送，完成进度应为 100%。";
        }

        if (submit && input.IsFinal && kept.Count + files.Count == 0)
        {
            errors["Files"] = "申请销号须上传至少一个佐证材料（如完成情况报告、文件、照片）。";
        }

        if (submit && await db.ProgressReports.AnyAsync(r => r.PlanTaskId == task.Id && r.LeadUnitId == unitId && r.State == ReviewState.Submitted && r.Id != report.Id, cancellationToken))
        {
            // One report waits at a time, so an older one can never be approved over a newer one.
            errors["Submit"] = "本单位已有一份该任务的报送在等待审核，请等审核结果后再提交；可以先保存为草稿。";
        }

        if (errors.Count > 0)
        {
            // Nothing is stored: a new report is not added, an existing draft keeps its saved values.
            return new ReportResult(false, "请按提示修改后再保存。", errors);
        }

        report.Text = text;
        report.ClaimedProgress = input.ClaimedProgress;
        report.IsFinal = input.IsFinal;
        report.Milestone = milestone;
        report.MilestoneId = milestone?.Id;
        report.MilestoneCompletedOn = milestone is null ? null : input.MilestoneCompletedOn;
        db.ReportAttachments.RemoveRange(report.Attachments.Where(a => input.RemovedAttachmentIds.Contains(a.Id)));
        report.Attachments.AddRange(files);
        if (submit)
        {
            var now = clock.GetUtcNow();
            report.State = ReviewState.Submitted;
            report.SubmittedAt = now;
            report.SubmittedOrder = now.UtcTicks;
            // A report submitted while a round expects it from this unit counts in that round.
            await rounds.AttachAsync(db, report, cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (submit)
        {
            // The round received this unit's report on the task at the same moment (its key is taken).
            return ReportResult.Fail("本单位刚有另一份该任务的报送提交，本次未保存，请刷新后再试。", "Submit");
        }

        logger.LogInformation("Report {Report} on task {Task} {Action} by {User}", report.Id, task.Number, submit ? "submitted" : "saved as draft", scope.UserName);
        return ReportResult.Ok(submit ? $"已提交任务 {task.Number} 的{(report.IsFinal ? "销号申请" : "进展")}报送，等待省营转办审核。" : "已保存草稿。", report.Id);
    }

    /// <summary>Starts the next revision of a returned report, with its text, claims and files, as a draft.</summary>
    public async Task<ReportResult> ReviseAsync(AccessScope scope, int reportId, CancellationToken cancellationToken = default)
    {
        if (scope.LeadUnitId is not { } unitId)
        {
            return ReportResult.Fail("只有牵头单位可以报送进展。");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var returned = await db.ProgressReports.Include(r => r.Attachments)
            .SingleOrDefaultAsync(r => r.Id == reportId && r.LeadUnitId == unitId && scope.Apply(db.PlanTasks).Any(t => t.Id == r.PlanTaskId), cancellationToken);
        if (returned is null)
        {
            return ReportResult.Fail("报送不存在。");
        }

        if (returned.State != ReviewState.Returned)
        {
            return ReportResult.Fail("只有被退回的报送可以重新报送。");
        }

        if (await db.PlanTasks.AnyAsync(t => t.Id == returned.PlanTaskId && t.ClosedAt != null, cancellationToken))
        {
            return ReportResult.Fail("任务已销号，不再报送进展。");
        }

        if (await db.ProgressReports.AnyAsync(r => r.PreviousReportId == returned.Id, cancellationToken))
        {
            return ReportResult.Fail("该报送已重新报送过。");
        }

        var next = new ProgressReport
        {
            PlanTaskId = returned.PlanTaskId,
            LeadUnitId = unitId,
            Author = scope.UserName,
            Revision = returned.Revision + 1,
            PreviousReportId = returned.Id,
            RoundId = returned.RoundId,
            Text = returned.Text,
            ClaimedProgress = returned.ClaimedProgress,
            IsFinal = returned.IsFinal,
            MilestoneId = returned.MilestoneId,
            MilestoneCompletedOn = returned.MilestoneCompletedOn,
            CreatedAt = clock.GetUtcNow(),
            Attachments = returned.Attachments.Select(a => new ReportAttachment
            {
                FileName = a.FileName, ContentType = a.ContentType, Size = a.Size, Content = a.Content, UploadedAt = a.UploadedAt,
            }).ToList(),
        };
        db.ProgressReports.Add(next);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return ReportResult.Fail("该报送已重新报送过。");
        }

        return ReportResult.Ok($"已在第 {returned.Revision} 版基础上创建第 {next.Revision} 版草稿，请修改后提交。", next.Id);
    }

    public async Task<ReportResult> ApproveAsync(AccessScope scope, int reportId, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        if (!scope.CanEditTasks)
        {
            return ReportResult.Fail("只有省营转办可以审核报送。");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var report = await db.ProgressReports.Include(r => r.PlanTask).ThenInclude(t => t.Milestones).Include(r => r.Milestone)
            .SingleOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null || report.State != ReviewState.Submitted)
        {
            return ReportResult.Fail(report is null ? "报送不存在。" : "该报送不在待审核状态。");
        }

        if (report.Version != expectedVersion)
        {
            return ReportResult.Fail("该报送刚被他人处理，请刷新。");
        }

        var task = report.PlanTask;
        if (task.ClosedAt is not null)
        {
            return ReportResult.Fail($"任务 {task.Number} 已销号，报送不能再审核通过；可以退回，或先恢复该任务。");
        }

        if (task.Status == PlanTaskStatus.Completed && report.ClaimedProgress < 100)
        {
            return ReportResult.Fail($"任务已标记为“已完成”，而报送进度为 {report.ClaimedProgress}%：请先将任务改回“推进中”，或退回该报送。");
        }

        var changes = new List<AuditChange>();
        if (task.Progress != report.ClaimedProgress)
        {
            changes.Add(new(AuditField.Progress, task.Progress.ToString(), report.ClaimedProgress.ToString()));
            task.Progress = report.ClaimedProgress;
        }

        if (task.Status == PlanTaskStatus.NotStarted && (report.ClaimedProgress > 0 || report.Milestone is { IsDone: false }))
        {
            changes.Add(new(AuditField.Status, task.Status.ToString(), PlanTaskStatus.InProgress.ToString()));
            task.Status = PlanTaskStatus.InProgress;
        }

        if (report.Milestone is { IsDone: false } milestone)
        {
            changes.Add(AuditChange.OfMilestone(milestone.Position, MilestoneCompletion.Describe(false, null), MilestoneCompletion.Describe(true, report.MilestoneCompletedOn)));
            milestone.IsDone = true;
            milestone.CompletedOn = report.MilestoneCompletedOn;
        }

        if (task.ProgressSummary != report.Text)
        {
            changes.Add(new(AuditField.ProgressSummary, task.ProgressSummary, report.Text));
            task.ProgressSummary = report.Text;
        }

        report.State = ReviewState.Approved;
        report.ReviewedAt = clock.GetUtcNow();
        report.Reviewer = scope.UserName;
        db.ExpectVersion(report, expectedVersion);
        // The save stamps new versions: the report's, and the task's only when the task or a milestone really changed.
        audit.TaskChanged(db, scope, task, AuditAction.ApproveReport, changes, $"根据进展报送 #{report.Id}（第 {report.Revision} 版）审核通过");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ReportResult.Fail("该报送或任务刚被他人修改，请刷新后重试。");
        }

        logger.LogInformation("Report {Report} approved by {User}", report.Id, scope.UserName);
        return ReportResult.Ok($"已通过任务 {task.Number} 的进展报送，任务进度更新为 {task.Progress}%。", report.Id);
    }

    public async Task<ReportResult> ReturnAsync(AccessScope scope, int reportId, Guid expectedVersion, string? reason, CancellationToken cancellationToken = default)
    {
        if (!scope.CanEditTasks)
        {
            return ReportResult.Fail("只有省营转办可以审核报送。");
        }

        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why))
        {
            return ReportResult.Fail("退回须填写原因。", "Reason");
        }

        if (why.Length > TextLimits.Reason)
        {
            return ReportResult.Fail($"退回原因不能超过 {TextLimits.Reason} 个字。", "Reason");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var report = await db.ProgressReports.Include(r => r.PlanTask).SingleOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null || report.State != ReviewState.Submitted)
        {
            return ReportResult.Fail(report is null ? "报送不存在。" : "该报送不在待审核状态。");
        }

        db.ExpectVersion(report, expectedVersion);
        // On the task's timeline, in the same save: who returned which report and why.
        audit.TaskChanged(db, scope, report.PlanTask, AuditAction.ReturnReport,
            [new(AuditField.ReportState, $"报送 #{report.Id}（第 {report.Revision} 版）待审核", "退回")], why);
        report.State = ReviewState.Returned;
        report.ReturnReason = why;
        report.ReviewedAt = clock.GetUtcNow();
        report.Reviewer = scope.UserName;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ReportResult.Fail("该报送刚被他人处理，请刷新。");
        }

        return ReportResult.Ok("已退回，牵头单位将看到退回原因。", report.Id);
    }

    /// <summary>Reports of one task the user may see: a unit its own, the office and leadership all.</summary>
    public async Task<IReadOnlyList<ReportView>> ForTaskAsync(AccessScope scope, int planId, int number, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var reports = Visible(db, scope).Where(r => r.PlanTask.PlanId == planId && r.PlanTask.Number == number);
        return await Project(reports.OrderByDescending(r => r.Id)).ToListAsync(cancellationToken);
    }

    /// <summary>待审核: submitted reports across units, oldest first; an archived plan's reports wait for no decision.</summary>
    public async Task<IReadOnlyList<ReportView>> QueueAsync(AccessScope scope, CancellationToken cancellationToken = default)
    {
        if (!scope.SeesAllTasks)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Project(Visible(db, scope).Where(r => r.State == ReviewState.Submitted && r.PlanTask.Plan.ArchivedAt == null).OrderBy(r => r.SubmittedOrder).ThenBy(r => r.Id))
            .ToListAsync(cancellationToken);
    }

    public async Task<ReportView?> GetAsync(AccessScope scope, int reportId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var report = Visible(db, scope).Where(r => r.Id == reportId);
        return await Project(report).SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<AttachmentContent?> AttachmentAsync(AccessScope scope, int attachmentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var visible = Visible(db, scope);
        return await db.ReportAttachments.AsNoTracking()
            .Where(a => a.Id == attachmentId && visible.Any(r => r.Id == a.ProgressReportId))
            .Select(a => new AttachmentContent(a.FileName, a.ContentType, a.Content))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>A unit sees its own reports on tasks it may read, drafts included; the office and leadership all but drafts.</summary>
    private static IQueryable<ProgressReport> Visible(AppDbContext db, AccessScope scope)
    {
        var tasks = scope.Apply(db.PlanTasks);
        var reports = db.ProgressReports.AsNoTracking().Where(r => tasks.Any(t => t.Id == r.PlanTaskId));
        return scope.SeesAllTasks ? reports.Where(r => r.State != ReviewState.Draft) : reports.Where(r => r.LeadUnitId == scope.LeadUnitId);
    }

    private static IQueryable<ReportView> Project(IQueryable<ProgressReport> reports) => reports.Select(r => new ReportView(
        r.Id, r.PlanTask.Number, r.PlanTask.Title, r.LeadUnit.Name, r.Author, r.Revision, r.State, r.Text, r.ClaimedProgress,
        r.Milestone != null ? r.Milestone.Position : null, r.Milestone != null ? r.Milestone.Phrase : null, r.MilestoneCompletedOn,
        r.CreatedAt, r.SubmittedAt, r.ReviewedAt, r.Reviewer, r.ReturnReason, r.Version,
        r.Attachments.OrderBy(a => a.Id).Select(a => new AttachmentView(a.Id, a.FileName, a.ContentType, a.Size)).ToList(), r.IsFinal)
    {
        PlanId = r.PlanTask.PlanId,
    });
}
