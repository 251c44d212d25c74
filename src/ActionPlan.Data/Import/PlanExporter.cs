using ActionPlan.PlanDocument;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Data.Import;

/// <summary>Reads a stored plan back into the <see cref="ParsedPlan"/> shape, so export and parse print the same JSON.</summary>
public sealed class PlanExporter(IDbContextFactory<AppDbContext> contexts)
{
    /// <summary>The plan with <paramref name="planId"/>, or the newest plan when null; null when there is none.</summary>
    public async Task<ParsedPlan?> ExportAsync(int? planId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var plans = db.Plans.AsNoTracking();
        var plan = await (planId is { } id ? plans.Where(p => p.Id == id) : plans.OrderByDescending(p => p.Year).ThenByDescending(p => p.Id))
            .Select(p => new
            {
                p.Title, p.DocumentNumber, p.Year, p.Objective,
                Domains = p.Domains.OrderBy(d => d.Number).Select(d => new ParsedDomain(d.Number, d.Name, d.SourceLine)).ToList(),
                Measures = p.Measures.OrderBy(m => m.Number).Select(m => new
                {
                    m.Number, m.Title, m.Text, m.LeadUnitClause, m.SourceLine,
                    Units = m.LeadUnits.OrderBy(u => u.Position).Select(u => u.LeadUnit.Name).ToList(),
                }).ToList(),
                Warnings = p.ImportWarnings.OrderBy(w => w.Position).Select(w => new ParseWarning(w.Line, w.TaskNumber, w.Kind, w.Message)).ToList(),
                p.Id,
            })
            .AsSplitQuery()
            .FirstOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var tasks = await db.PlanTasks.AsNoTracking().Where(t => t.PlanId == plan.Id).OrderBy(t => t.Number)
            .Select(t => new
            {
                t.Number, DomainNumber = t.Domain.Number, t.Title, t.Text, t.LeadUnitClause, t.ResponsibilityNote, t.SourceLine,
                Units = t.LeadUnits.OrderBy(u => u.Position).Select(u => u.LeadUnit.Name).ToList(),
                Supporting = t.SupportingUnits.OrderBy(u => u.Position).Select(u => u.LeadUnit.Name).ToList(),
                Milestones = t.Milestones.OrderBy(m => m.Position).Select(m => new ParsedMilestone(m.OriginalDue ?? m.Due, m.Phrase, m.Clause)).ToList(),
                PolicyDates = t.PolicyDates.OrderBy(d => d.Position).Select(d => new ParsedPolicyDate(d.Date, d.Phrase)).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        return new ParsedPlan(
            new PlanHeader(plan.Title, plan.DocumentNumber, plan.Year) { Objective = plan.Objective },
            plan.Domains,
            tasks.Select(t => new ParsedTask(t.Number, t.DomainNumber, t.Title, t.Text, t.LeadUnitClause, t.Units, t.ResponsibilityNote,
                t.Milestones, t.PolicyDates, t.SourceLine) { SupportingUnits = t.Supporting }).ToList(),
            plan.Measures.Select(m => new ParsedMeasure(m.Number, m.Title, m.Text, m.LeadUnitClause, m.Units, m.SourceLine)).ToList(),
            plan.Warnings);
    }
}
