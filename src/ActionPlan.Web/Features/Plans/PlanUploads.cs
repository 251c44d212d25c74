using ActionPlan.Data;
using ActionPlan.Data.Import;
using ActionPlan.PlanDocument;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Audit;
using ActionPlan.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Features.Plans;

/// <summary>
/// 上传计划: checks an uploaded plan text and previews it without storing anything, then imports it with the
/// office's unit mapping in one transaction (through <see cref="PlanImporter"/>), audited. Only the office and
/// administrators may do either; the checks run again at import, so a preview cannot be replayed around them.
/// </summary>
public sealed class PlanUploads(
    IDbContextFactory<AppDbContext> contexts,
    PlanImporter importer,
    AuditWriter audit,
    ILogger<PlanUploads> logger)
{
    /// <summary>A plan text is some hundred kilobytes (the 2022 plan: 150 KB); anything near this is not one.</summary>
    public const long MaxBytes = 2 * 1024 * 1024;

    public const string Accept = ".txt";

    public async Task<PlanUploadCheck> PreviewAsync(AccessScope actor, string fileName, byte[] content, CancellationToken cancellationToken = default)
    {
        return await CheckAsync(actor, fileName, content, cancellationToken);
    }

    /// <summary>
    /// Imports the file. <paramref name="mapping"/> maps a unit name the plan writes, new to the portal, to the
    /// existing unit it stands for; every other new name becomes a new unit.
    /// </summary>
    public async Task<PlanUploadResult> ImportAsync(AccessScope actor, string fileName, byte[] content,
        IReadOnlyDictionary<string, int> mapping, CancellationToken cancellationToken = default)
    {
        var check = await CheckAsync(actor, fileName, content, cancellationToken);
        if (check.Preview is not { } preview)
        {
            return PlanUploadResult.Fail(check.Error!);
        }

        var newNames = preview.NewUnits.Select(u => u.Name).ToHashSet(StringComparer.Ordinal);
        var existing = preview.ExistingUnits.ToDictionary(u => u.Id, u => u.Name);
        var applied = mapping.Where(m => newNames.Contains(m.Key)).ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal);
        if (applied.Values.FirstOrDefault(id => !existing.ContainsKey(id)) is var missing and not 0)
        {
            return PlanUploadResult.Fail($"所选的现有单位（编号 {missing}）已不存在，请重新选择。");
        }

        var created = newNames.Where(n => !applied.ContainsKey(n)).ToList();
        var source = new PlanSource(EvidenceFile.Sanitize(fileName, ".txt"), content);
        var summary = $"{preview.Header.Title}（{preview.Header.DocumentNumber}）：领域 {preview.Domains.Count} 个，任务 {preview.Tasks} 项，时间节点 {preview.Milestones} 个";
        var reason = string.Join("；", applied.Select(m => $"“{m.Key}”对应现有单位“{existing[m.Value]}”")
            .Append(created.Count > 0 ? $"新建单位 {created.Count} 个：{string.Join("、", created)}" : "未新建单位"));

        ImportResult result;
        try
        {
            result = await importer.ImportAsync(source, new PlanImportOptions(applied, async (db, plan, ct) =>
            {
                audit.PlanImported(db, actor, plan.Id, new AuditChange(AuditField.Plan, null, summary), reason);
                await db.SaveChangesAsync(ct);
            }), cancellationToken);
        }
        catch (PlanFormatException ex)
        {
            return PlanUploadResult.Fail(FormatError(ex));
        }

        if (result.Outcome == ImportOutcome.AlreadyImported)
        {
            return PlanUploadResult.Fail(Duplicate(source.Name));
        }

        logger.LogInformation("{User} imported {Source} as plan {PlanId} ({Mapped} units mapped, {Created} created)",
            actor.UserName, source.Name, result.PlanId, applied.Count, created.Count);
        return new PlanUploadResult(true,
            $"已导入“{preview.Header.Title}”：任务 {result.Tasks} 项，时间节点 {result.Milestones} 个，新建单位 {created.Count} 个，对应现有单位 {applied.Count} 个。",
            result.PlanId);
    }

    private async Task<PlanUploadCheck> CheckAsync(AccessScope actor, string fileName, byte[] content, CancellationToken cancellationToken)
    {
        var shown = Path.GetFileName(fileName);
        if (!actor.CanEditTasks)
        {
            return PlanUploadCheck.Fail("只有省营转办和系统管理员可以上传计划。");
        }

        if (!string.Equals(Path.GetExtension(shown), ".txt", StringComparison.OrdinalIgnoreCase))
        {
            return PlanUploadCheck.Fail($"文件“{shown}”不是 .txt 文本文件。请上传计划的纯文本（UTF-8）文件。");
        }

        if (content.Length == 0)
        {
            return PlanUploadCheck.Fail($"文件“{shown}”是空文件。");
        }

        if (content.Length > MaxBytes)
        {
            return PlanUploadCheck.Fail($"文件“{shown}”超过 2 MB，不是一份计划文本。");
        }

        ParsedPlan plan;
        try
        {
            plan = PlanParser.Parse(content);
        }
        catch (PlanFormatException ex)
        {
            return PlanUploadCheck.Fail(FormatError(ex), ex.Line);
        }

        var hash = new PlanSource(shown, content).Hash;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Plans.AsNoTracking().Where(p => p.SourceHash == hash).Select(p => new { p.Title, p.SourceName }).FirstOrDefaultAsync(cancellationToken) is { } earlier)
        {
            return PlanUploadCheck.Fail($"该文件已导入过（“{earlier.Title}”，导入时的文件名 {earlier.SourceName}），不会重复导入。");
        }

        var existingUnits = await db.LeadUnits.AsNoTracking().Select(u => new LeadUnitOption(u.Id, u.Name)).ToListAsync(cancellationToken);
        var byName = existingUnits.ToDictionary(u => u.Name, u => u.Id, StringComparer.Ordinal);
        var chinese = StringComparer.Create(new System.Globalization.CultureInfo("zh-CN"), false);

        var units = plan.Tasks.SelectMany(t => t.LeadUnits.Select(u => (Name: u, Lead: true)).Concat(t.SupportingUnits.Select(u => (Name: u, Lead: false))))
            .Concat(plan.Measures.SelectMany(m => m.LeadUnits.Select(u => (Name: u, Lead: true))))
            .GroupBy(u => u.Name, StringComparer.Ordinal)
            .Select(g => new PlanUploadUnit(g.Key,
                plan.Tasks.Count(t => t.LeadUnits.Contains(g.Key)),
                plan.Tasks.Count(t => t.SupportingUnits.Contains(g.Key)),
                byName.TryGetValue(g.Key, out var id) ? id : null))
            .OrderBy(u => !u.IsNew).ThenByDescending(u => u.LeadTasks + u.SupportingTasks).ThenBy(u => u.Name, chinese)
            .ToList();
        var domains = plan.Domains.Select(d =>
        {
            var tasks = plan.Tasks.Where(t => t.DomainNumber == d.Number).ToList();
            return new PlanUploadDomain(d.Number, d.Name, tasks.Count, tasks.Sum(t => t.Milestones.Count));
        }).ToList();

        var preview = new PlanUploadPreview(shown, plan.Plan, domains, plan.Tasks.Count, plan.Tasks.Sum(t => t.Milestones.Count), plan.Measures.Count,
            units, plan.Warnings, existingUnits.OrderBy(u => u.Name, chinese).ToList())
        {
            ArchiveNote = await ArchiveNoteAsync(db, plan.Plan.Year, cancellationToken),
        };
        return new PlanUploadCheck(preview, null);
    }

    /// <summary>The parser's message already names the line (第 N 行：…).</summary>
    private static string FormatError(PlanFormatException ex) => $"{ex.Message}未导入任何内容。";

    private static string Duplicate(string name) => $"文件“{name}”的内容刚刚已被导入，不会重复导入。";

    /// <summary>The importer runs one year at a time (see <see cref="PlanImporter"/>): say before confirming what that archives.</summary>
    private static async Task<string?> ArchiveNoteAsync(AppDbContext db, int year, CancellationToken cancellationToken)
    {
        var running = await db.Plans.AsNoTracking().Where(p => p.ArchivedAt == null).Select(p => new { p.Year, p.Title }).ToListAsync(cancellationToken);
        if (running.Any(p => p.Year > year))
        {
            return $"该计划的年度早于运行中的计划，导入后为归档状态（只读），可在“计划管理”中重新开放。";
        }

        var older = running.Where(p => p.Year < year).Select(p => $"《{p.Title}》").ToList();
        return older.Count == 0 ? null : $"确认导入后，该计划成为默认显示的计划；较早年度的{string.Join("、", older)}将归档（只读，不再预警、催报）。";
    }
}
