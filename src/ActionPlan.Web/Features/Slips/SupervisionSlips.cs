using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Audit;
using ActionPlan.Web.Features.Reports;
using ActionPlan.Web.Features.Rounds;
using ActionPlan.Web.Features.Shared;
using ActionPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Features.Slips;

/// <summary>
/// 督办单: the office issues a slip on a task (or one of its milestones) to the task's lead units at a level
/// (蓝/黄/红) with a matter and a reply date; each unit replies once (反馈) with what it did, its plan and
/// evidence; a slip past its reply date with a reply missing can be escalated to the next level (suggested by
/// <see cref="SlipRules"/>, issued by the office), and a slip every unit answered is closed (办结).
/// Escalation addresses the next level's slip to the units that have not replied: those that did have answered
/// the matter and are not asked again. Units see only slips addressed to them; leadership reads everything.
/// </summary>
public sealed class SupervisionSlips(IDbContextFactory<AppDbContext> contexts, PortalClock clock, AuditWriter audit, RoundNotifier notifier, ILogger<SupervisionSlips> logger)
{
    private const string NotFound = "督办单不存在。";

    public async Task<SlipResult> IssueAsync(AccessScope scope, int taskId, SlipInput input, CancellationToken cancellationToken = default)
    {
        if (!scope.CanEditTasks)
        {
            return SlipResult.Fail("只有省营转办可以下发督办单。");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var task = await db.PlanTasks.Where(t => t.Id == taskId)
            .Select(t => new { t.Id, t.PlanId, t.Number, t.ClosedAt, Units = t.LeadUnits.OrderBy(l => l.Position).Select(l => l.LeadUnitId).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        if (task is null)
        {
            return SlipResult.Fail("任务不存在。");
        }

        if (task.ClosedAt is not null)
        {
            return SlipResult.Fail($"任务 {task.Number} 已销号，不能再下发督办单。");
        }

        if (task.Units.Count == 0)
        {
            return SlipResult.Fail($"任务 {task.Number} 未明确牵头单位，督办单没有下发对象；请由省营转办直接协调。");
        }

        var errors = Check(input, clock.Today);
        if (!Enum.IsDefined(input.Level))
        {
            errors[nameof(SlipInput.Level)] = "请选择督办级别（蓝色、黄色或红色）。";
        }

        if (input.MilestoneId is { } milestone && !await db.Milestones.AnyAsync(m => m.Id == milestone && m.PlanTaskId == taskId, cancellationToken))
        {
            errors[nameof(SlipInput.MilestoneId)] = "所选时间节点不属于该任务。";
        }

        if (errors.Count > 0)
        {
            return SlipResult.Fail(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var slip = await AddSlipAsync(db, scope, task.PlanId, taskId, input.MilestoneId, input.Level, input, task.Units, null, cancellationToken);
        audit.SlipChanged(db, scope, slip, AuditAction.IssueSlip,
            new AuditChange(AuditField.SlipState, null, $"{SlipText.Number(slip.Number)} {SlipText.Label(slip.Level)}，{StatusText.ShortDate(slip.ReplyBy)} 前反馈，{task.Units.Count} 个单位"));
        await db.SaveChangesAsync(cancellationToken);
        await NotifyAsync(db, slip.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        notifier.Publish();
        logger.LogInformation("{User} issued slip {Slip} ({Level}) on task {Task} to {Units} units", scope.UserName, slip.Id, slip.Level, task.Number, task.Units.Count);
        return SlipResult.Ok($"已下发{SlipText.Label(slip.Level)}单（{SlipText.Number(slip.Number)}），{StatusText.LongDate(slip.ReplyBy)}前反馈。", slip.Id);
    }

    /// <summary>A unit's reply; once per unit and final. Files are checked like a report's evidence.</summary>
    public async Task<SlipResult> ReplyAsync(AccessScope scope, int slipId, SlipReplyInput input, CancellationToken cancellationToken = default)
    {
        if (scope.LeadUnitId is not { } unit)
        {
            return SlipResult.Fail("只有督办单所发往的牵头单位可以反馈。");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var target = await db.SlipRecipients.Where(r => r.SlipId == slipId && r.LeadUnitId == unit)
            .Select(r => new { r.Id, r.RepliedOn, r.Slip.ClosedAt, r.Slip.EscalatedAt, r.Slip.ReplyBy })
            .FirstOrDefaultAsync(cancellationToken);
        if (target is null)
        {
            // Another unit's slip is "not found", like one that does not exist.
            return SlipResult.Fail(NotFound);
        }

        if (target.RepliedOn is { } on)
        {
            return SlipResult.Fail($"本单位已于 {StatusText.LongDate(on)} 反馈；反馈提交后不能修改。");
        }

        if (target.ClosedAt is not null)
        {
            return SlipResult.Fail("该督办单已办结，不能再反馈。");
        }

        if (target.EscalatedAt is not null)
        {
            return SlipResult.Fail("该督办单已升级，请对升级后的督办单反馈。");
        }

        var errors = new Dictionary<string, string>();
        var done = Text(input.Done, "已采取措施", nameof(SlipReplyInput.Done), errors);
        var next = Text(input.NextPlan, "下一步计划", nameof(SlipReplyInput.NextPlan), errors);
        if (input.Files.Count > EvidenceFile.MaxPerReport)
        {
            errors["Files"] = $"每次反馈最多 {EvidenceFile.MaxPerReport} 个附件。";
        }

        var files = new List<SlipReplyAttachment>();
        foreach (var upload in input.Files)
        {
            var (file, error) = EvidenceFile.Inspect(upload.FileName, upload.Content);
            if (file is null)
            {
                errors["Files"] = error!;
                continue;
            }

            files.Add(new SlipReplyAttachment { RecipientId = target.Id, FileName = file.FileName, ContentType = file.ContentType, Size = upload.Content.Length, Content = upload.Content, UploadedAt = clock.Now });
        }

        if (errors.Count > 0)
        {
            return SlipResult.Fail(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var today = clock.Today;
        var now = clock.Now;
        // Only a recipient without a reply is written: a second tab or a double click finds the row taken.
        var written = await db.SlipRecipients.Where(r => r.Id == target.Id && r.RepliedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Done, done).SetProperty(r => r.NextPlan, next)
                .SetProperty(r => r.RepliedBy, scope.UserName).SetProperty(r => r.RepliedAt, now).SetProperty(r => r.RepliedOn, today), cancellationToken);
        if (written == 0)
        {
            return SlipResult.Fail("本单位已反馈；反馈提交后不能修改。");
        }

        db.SlipReplyAttachments.AddRange(files);
        var slip = await db.SupervisionSlips.FirstAsync(s => s.Id == slipId, cancellationToken);
        var late = today > target.ReplyBy;
        var unitName = await db.LeadUnits.Where(u => u.Id == unit).Select(u => u.Name).FirstAsync(cancellationToken);
        audit.SlipChanged(db, scope, slip, AuditAction.ReplySlip,
            new AuditChange(AuditField.SlipState, "待反馈", $"{unitName}已反馈{(late ? "（逾期）" : "")}{(files.Count > 0 ? $"，附件 {files.Count} 个" : "")}"));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return SlipResult.Ok(late ? $"已反馈（已过反馈期限 {StatusText.LongDate(target.ReplyBy)}，记为逾期反馈）。" : "已反馈。", slipId);
    }

    /// <summary>升级督办: the next level's slip to the units that have not replied; the old slip is marked escalated.</summary>
    public async Task<SlipResult> EscalateAsync(AccessScope scope, int slipId, SlipInput input, CancellationToken cancellationToken = default)
    {
        if (!scope.CanEditTasks)
        {
            return SlipResult.Fail("只有省营转办可以升级督办。");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var old = await db.SupervisionSlips.Include(s => s.Recipients).Include(s => s.PlanTask).FirstOrDefaultAsync(s => s.Id == slipId, cancellationToken);
        if (old is null)
        {
            return SlipResult.Fail(NotFound);
        }

        var today = clock.Today;
        var refusal = EscalationRefusal(old, today);
        if (refusal is not null)
        {
            return SlipResult.Fail(refusal);
        }

        var errors = Check(input, today);
        if (errors.Count > 0)
        {
            return SlipResult.Fail(errors);
        }

        var level = SlipText.Next(old.Level)!.Value;
        var units = old.Recipients.Where(r => r.RepliedAt == null).Select(r => r.LeadUnitId).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        old.EscalatedAt = clock.Now;
        SupervisionSlip successor;
        try
        {
            successor = await AddSlipAsync(db, scope, old.PlanTask.PlanId, old.PlanTaskId, old.MilestoneId, level, input, units, old.Id, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique index on EscalatedFromId: someone escalated it at the same moment.
            return SlipResult.Fail("该督办单刚刚已被升级，请刷新后查看。");
        }

        audit.SlipChanged(db, scope, old, AuditAction.EscalateSlip,
            new AuditChange(AuditField.SlipState, SlipText.Label(old.Level), $"升级为{SlipText.Label(level)}（{SlipText.Number(successor.Number)}）"));
        audit.SlipChanged(db, scope, successor, AuditAction.EscalateSlip,
            new AuditChange(AuditField.SlipState, $"{SlipText.Number(old.Number)} {SlipText.Label(old.Level)}",
                $"{SlipText.Number(successor.Number)} {SlipText.Label(level)}，{StatusText.ShortDate(successor.ReplyBy)} 前反馈，{units.Count} 个单位"));
        await db.SaveChangesAsync(cancellationToken);
        await NotifyAsync(db, successor.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        notifier.Publish();
        logger.LogInformation("{User} escalated slip {Old} to {New} ({Level})", scope.UserName, old.Id, successor.Id, level);
        return SlipResult.Ok($"已升级为{SlipText.Label(level)}（{SlipText.Number(successor.Number)}），发往 {units.Count} 个未反馈单位，{StatusText.LongDate(successor.ReplyBy)}前反馈。", successor.Id);
    }

    /// <summary>办结: once every unit has replied.</summary>
    public async Task<SlipResult> CloseAsync(AccessScope scope, int slipId, string? note = null, CancellationToken cancellationToken = default)
    {
        if (!scope.CanEditTasks)
        {
            return SlipResult.Fail("只有省营转办可以办结督办单。");
        }

        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note?.Length > TextLimits.Reason)
        {
            return SlipResult.Fail($"办结说明最多 {TextLimits.Reason} 个字。", "Note");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var slip = await db.SupervisionSlips.Include(s => s.Recipients).FirstOrDefaultAsync(s => s.Id == slipId, cancellationToken);
        if (slip is null)
        {
            return SlipResult.Fail(NotFound);
        }

        if (slip.ClosedAt is not null)
        {
            return SlipResult.Fail("该督办单已办结。");
        }

        if (slip.EscalatedAt is not null)
        {
            return SlipResult.Fail("该督办单已升级，请办结升级后的督办单。");
        }

        var missing = slip.Recipients.Count(r => r.RepliedAt == null);
        if (missing > 0)
        {
            return SlipResult.Fail($"尚有 {missing} 个单位未反馈，全部反馈后才能办结。");
        }

        slip.ClosedAt = clock.Now;
        slip.ClosedBy = scope.UserName;
        audit.SlipChanged(db, scope, slip, AuditAction.CloseSlip, new AuditChange(AuditField.SlipState, "已反馈", "已办结"), note);
        await db.SaveChangesAsync(cancellationToken);
        return SlipResult.Ok($"督办单{SlipText.Number(slip.Number)}已办结。", slip.Id);
    }

    /// <summary>The list: counts per state (one query), a page of ids (one) and its rows (one).</summary>
    public async Task<SlipListResult> ListAsync(AccessScope scope, SlipFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var today = clock.Today;
        var facts = Facts(Visible(db, scope)).Where(f => f.PlanId == filter.PlanId);
        if (filter.Level is { } level)
        {
            facts = facts.Where(f => f.Level == level);
        }

        if (filter.DomainNumber is { } domain)
        {
            facts = facts.Where(f => f.DomainNumber == domain);
        }

        if (!string.IsNullOrEmpty(filter.Unit))
        {
            var unit = filter.Unit;
            facts = facts.Where(f => db.SlipRecipients.Any(r => r.SlipId == f.Id && r.LeadUnit.Name == unit));
        }

        var groups = await facts.GroupBy(SlipRules.StateOn(today))
            .Select(g => new { State = g.Key, Count = g.Count(), Escalatable = g.Count(f => f.Level != SlipLevel.Red) })
            .ToListAsync(cancellationToken);
        var byState = groups.ToDictionary(g => g.State, g => g.Count);
        var suggested = groups.Where(g => g.State == SlipState.Overdue).Sum(g => g.Escalatable);

        if (filter.State is { } state)
        {
            facts = facts.Where(SlipRules.Is(state, today));
        }

        if (filter.SuggestedOnly)
        {
            facts = facts.Where(SlipRules.SuggestedOn(today));
        }

        var total = filter.SuggestedOnly ? (filter.State is null or SlipState.Overdue ? suggested : 0)
            : filter.State is { } only ? byState.GetValueOrDefault(only) : byState.Values.Sum();
        var size = Math.Clamp(filter.PageSize, 1, 200);
        var ids = await facts.OrderByDescending(f => f.Number).ThenByDescending(f => f.Id).Skip(Math.Max(filter.Page, 0) * size).Take(size).Select(f => f.Id)
            .ToListAsync(cancellationToken);
        var rows = ids.Count == 0 ? [] : await Rows(db, db.SupervisionSlips.Where(s => ids.Contains(s.Id)), today, cancellationToken);
        return new SlipListResult(rows.OrderBy(r => ids.IndexOf(r.Id)).ToList(), total, byState, suggested);
    }

    /// <summary>One slip with recipients, replies and chain, or null when missing or not addressed to the caller's unit: two queries.</summary>
    public async Task<SlipDetail?> GetAsync(AccessScope scope, int slipId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var unit = scope.SeesAllTasks ? null : scope.LeadUnitId;
        var slip = await Facts(Visible(db, scope).Where(s => s.Id == slipId))
            .Join(db.SupervisionSlips, f => f.Id, s => s.Id, (f, s) => new
            {
                Facts = f,
                TaskNumber = s.PlanTask.Number, TaskTitle = s.PlanTask.Title, TaskClosed = s.PlanTask.ClosedAt != null, s.PlanTask.PlanId,
                Milestone = s.Milestone != null ? s.Milestone.Phrase + "：" + s.Milestone.Clause : null,
                s.Matter, s.IssuedAt, s.IssuedBy, s.ClosedBy,
                From = db.SupervisionSlips.Where(o => o.Id == s.EscalatedFromId).Select(o => new SlipLink(o.Id, o.Number, o.Level)).FirstOrDefault(),
                To = db.SupervisionSlips.Where(o => o.EscalatedFromId == s.Id).Select(o => new SlipLink(o.Id, o.Number, o.Level)).FirstOrDefault(),
            })
            .AsNoTracking()
            .FirstOrDefaultAsync(cancellationToken);
        if (slip is null)
        {
            return null;
        }

        var recipients = await db.SlipRecipients.AsNoTracking().Where(r => r.SlipId == slipId && (unit == null || r.LeadUnitId == unit))
            .OrderBy(r => r.Id)
            .Select(r => new
            {
                r.Id, r.LeadUnitId, Unit = r.LeadUnit.Name, r.Done, r.NextPlan, r.RepliedBy, r.RepliedAt, r.RepliedOn,
                Files = r.Attachments.OrderBy(a => a.Id).Select(a => new SlipAttachmentView(a.Id, a.FileName, a.Size)).ToList(),
            })
            .ToListAsync(cancellationToken);
        var f = slip.Facts;
        var today = clock.Today;
        return new SlipDetail(f.Id, f.Number, f.Level, SlipRules.StateOf(f, today), SlipRules.SuggestsEscalation(f, today), slip.TaskNumber, slip.TaskTitle, slip.TaskClosed,
            slip.Milestone, slip.Matter, f.ReplyBy, slip.IssuedAt, slip.IssuedBy, f.EscalatedAt, f.ClosedAt, slip.ClosedBy, f.Missing,
            recipients.Select(r => new SlipRecipientView(r.Id, r.LeadUnitId, r.Unit, r.Done, r.NextPlan, r.RepliedBy, r.RepliedAt, r.RepliedOn, r.RepliedOn > f.ReplyBy, r.Files)).ToList(),
            slip.From, slip.To)
        {
            PlanId = slip.PlanId,
        };
    }

    /// <summary>
    /// The slips of one task the caller may see (a unit those addressed to it), newest first: one query. The
    /// task page has already read the task (its units and milestones, whether it is closed) under the caller's scope.
    /// </summary>
    public async Task<IReadOnlyList<SlipRow>> ForTaskAsync(AccessScope scope, int taskId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await Rows(db, Visible(db, scope).Where(s => s.PlanTaskId == taskId), clock.Today, cancellationToken);
        return rows.OrderByDescending(r => r.Number).ToList();
    }

    /// <summary>A reply's evidence file, with the slip's access rule: the office and leadership, or the replying unit.</summary>
    public async Task<AttachmentContent?> AttachmentAsync(AccessScope scope, int attachmentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var unit = scope.LeadUnitId;
        var files = db.SlipReplyAttachments.AsNoTracking().Where(a => a.Id == attachmentId);
        files = scope.SeesAllTasks ? files : unit is not null ? files.Where(a => a.Recipient.LeadUnitId == unit) : files.Where(_ => false);
        return await files.Select(a => new AttachmentContent(a.FileName, a.ContentType, a.Content)).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Why a slip cannot be escalated today, or null when it can (the service and the page ask the same).</summary>
    public static string? EscalationRefusal(SupervisionSlip slip, DateOnly today)
    {
        if (slip.ClosedAt is not null)
        {
            return "该督办单已办结，不能升级。";
        }

        if (slip.EscalatedAt is not null)
        {
            return "该督办单已升级过，不能重复升级。";
        }

        if (slip.PlanTask.ClosedAt is not null)
        {
            return "该任务已销号，不能升级督办。";
        }

        if (SlipText.Next(slip.Level) is null)
        {
            return "红色督办已是最高级别，不能再升级；可报请领导协调。";
        }

        var missing = slip.Recipients.Count(r => r.RepliedAt == null);
        if (missing == 0)
        {
            return "各单位均已反馈，无需升级。";
        }

        if (today <= slip.ReplyBy)
        {
            return $"反馈期限（{StatusText.LongDate(slip.ReplyBy)}）尚未届满；届满后仍有单位未反馈才能升级。";
        }

        return null;
    }

    private async Task<SupervisionSlip> AddSlipAsync(AppDbContext db, AccessScope scope, int planId, int taskId, int? milestoneId, SlipLevel level, SlipInput input,
        IReadOnlyList<int> units, int? escalatedFrom, CancellationToken cancellationToken)
    {
        // Numbers are per plan, max + 1, taken under a lock: PostgreSQL's transaction lock here; SQLite's
        // transaction already holds the one write lock.
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AdvisoryLocks.SlipNumbers})", cancellationToken);
        }

        var number = await db.SupervisionSlips.Where(s => s.PlanTask.PlanId == planId).MaxAsync(s => (int?)s.Number, cancellationToken) ?? 0;
        var slip = new SupervisionSlip
        {
            PlanTaskId = taskId, MilestoneId = milestoneId, Number = number + 1, Level = level, Matter = input.Matter!.Trim(),
            ReplyBy = DateOnly.FromDateTime(input.ReplyBy!.Value), IssuedAt = clock.Now, IssuedBy = scope.UserName, EscalatedFromId = escalatedFrom,
            Recipients = units.Select(u => new SlipRecipient { LeadUnitId = u }).ToList(),
        };
        db.SupervisionSlips.Add(slip);
        await db.SaveChangesAsync(cancellationToken);
        return slip;
    }

    /// <summary>One notification per (enabled) user of the slip's units, in the caller's transaction: one statement.</summary>
    private async Task NotifyAsync(AppDbContext db, int slipId, CancellationToken cancellationToken)
    {
        var batch = await notifier.NextBatchAsync(db, cancellationToken);
        var dialect = SqlDialect.Of(db.Database);
        var sql = $$"""
            INSERT INTO "Notifications" ("UserId", "BatchAt", "BatchOrder", "AlertCount", "CreatedAt", "Kind")
            SELECT DISTINCT u."Id", {0}, {1}, 1, {0}, {2}
            FROM "SlipRecipients" r
            JOIN "AspNetUsers" u ON u."LeadUnitId" = r."LeadUnitId"
            WHERE r."SlipId" = {3} AND NOT {{dialect.IsTrue("u.\"IsDisabled\"")}}
            ON CONFLICT ("UserId", "BatchOrder") DO NOTHING
            """;
        await db.Database.ExecuteSqlRawAsync(sql, [clock.Now, batch, (int)NotificationKind.SlipIssued, slipId], cancellationToken);
    }

    private static Dictionary<string, string> Check(SlipInput input, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        var matter = input.Matter?.Trim();
        if (string.IsNullOrEmpty(matter))
        {
            errors[nameof(SlipInput.Matter)] = "请填写督办事项：哪项工作滞后或存在风险，要求单位做什么。";
        }
        else if (matter.Length > TextLimits.LongText)
        {
            errors[nameof(SlipInput.Matter)] = $"督办事项最多 {TextLimits.LongText} 个字。";
        }

        if (input.ReplyBy is not { } replyBy)
        {
            errors[nameof(SlipInput.ReplyBy)] = "请选择反馈期限。";
        }
        else if (DateOnly.FromDateTime(replyBy) < today)
        {
            errors[nameof(SlipInput.ReplyBy)] = $"反馈期限不能早于今天（{StatusText.LongDate(today)}）。";
        }

        return errors;
    }

    private static string? Text(string? value, string label, string field, Dictionary<string, string> errors)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            errors[field] = $"请填写{label}。";
            return null;
        }

        if (text.Length > TextLimits.LongText)
        {
            errors[field] = $"{label}最多 {TextLimits.LongText} 个字。";
        }

        return text;
    }

    /// <summary>The slips the caller may see: the office, leadership and admin all; a unit those addressed to it; anyone else none.</summary>
    private static IQueryable<SupervisionSlip> Visible(AppDbContext db, AccessScope scope) =>
        scope.SeesAllTasks ? db.SupervisionSlips
        : scope.LeadUnitId is { } unit ? db.SupervisionSlips.Where(s => s.Recipients.Any(r => r.LeadUnitId == unit))
        : db.SupervisionSlips.Where(_ => false);

    /// <summary>The one projection of a slip to the facts its state depends on.</summary>
    private static IQueryable<SlipFacts> Facts(IQueryable<SupervisionSlip> slips) => slips.Select(s => new SlipFacts
    {
        Id = s.Id, PlanId = s.PlanTask.PlanId, Number = s.Number, DomainNumber = s.PlanTask.Domain.Number, Level = s.Level, ReplyBy = s.ReplyBy,
        EscalatedAt = s.EscalatedAt, ClosedAt = s.ClosedAt, Missing = s.Recipients.Count(r => r.RepliedAt == null),
    });

    /// <summary>Rows of the given slips with their recipients' names: one query.</summary>
    private static async Task<List<SlipRow>> Rows(AppDbContext db, IQueryable<SupervisionSlip> slips, DateOnly today, CancellationToken cancellationToken)
    {
        var rows = await Facts(slips)
            .Join(db.SupervisionSlips, f => f.Id, s => s.Id, (f, s) => new
            {
                Facts = f,
                TaskNumber = s.PlanTask.Number, TaskTitle = s.PlanTask.Title,
                Milestone = s.Milestone != null ? s.Milestone.Phrase : null,
                s.Matter, s.IssuedAt, s.IssuedBy,
                Recipients = s.Recipients.Count,
                Units = s.Recipients.OrderBy(r => r.Id).Select(r => r.LeadUnit.Name).ToList(),
            })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return rows.Select(r => new SlipRow(r.Facts.Id, r.Facts.Number, r.Facts.Level, SlipRules.StateOf(r.Facts, today), SlipRules.SuggestsEscalation(r.Facts, today),
            r.TaskNumber, r.TaskTitle, r.Milestone, r.Matter, r.Facts.ReplyBy, r.IssuedAt, r.IssuedBy, r.Recipients, r.Recipients - r.Facts.Missing, r.Units)).ToList();
    }
}
