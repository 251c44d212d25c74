using System.Globalization;

namespace ActionPlan.PlanDocument;

/// <summary>The human summary of <c>plan parse --format text</c>.</summary>
public static class PlanSummary
{
    public static void Write(ParsedPlan plan, TextWriter output)
    {
        output.WriteLine($"{plan.Plan.Title}（{plan.Plan.DocumentNumber}），计划年度 {plan.Plan.Year}");
        output.WriteLine($"领域 {plan.Domains.Count} 个，任务 {plan.Tasks.Count} 项，时间节点 {plan.Tasks.Sum(t => t.Milestones.Count)} 个，推进措施 {plan.Measures.Count} 条，提示 {plan.Warnings.Count} 条");
        output.WriteLine();

        output.WriteLine("按领域：");
        foreach (var domain in plan.Domains)
        {
            var tasks = plan.Tasks.Where(t => t.DomainNumber == domain.Number).ToList();
            output.WriteLine($"  （{domain.Number,2}）{domain.Name,-14} 任务 {tasks.Count,3}（{tasks[0].Number}–{tasks[^1].Number}）  时间节点 {tasks.Sum(t => t.Milestones.Count),3}");
        }

        output.WriteLine();
        output.WriteLine("按时间节点月份：");
        foreach (var month in plan.Tasks.SelectMany(t => t.Milestones).GroupBy(m => new DateOnly(m.Due.Year, m.Due.Month, 1)).OrderBy(g => g.Key))
        {
            output.WriteLine($"  {month.Key.ToString("yyyy-MM", CultureInfo.InvariantCulture)}  {month.Count(),3}");
        }

        output.WriteLine($"  无时间节点的任务  {plan.Tasks.Count(t => t.Milestones.Count == 0),3}");
        output.WriteLine();
        output.WriteLine("牵头单位（按任务数）：");
        foreach (var unit in plan.Tasks.SelectMany(t => t.LeadUnits).GroupBy(u => u).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {unit.Count(),3}  {unit.Key}");
        }

        output.WriteLine($"  未写明牵头单位（{plan.Tasks.FirstOrDefault(t => t.ResponsibilityNote is not null)?.ResponsibilityNote ?? "—"}）  {plan.Tasks.Count(t => t.LeadUnits.Count == 0)}");
        var supporting = plan.Tasks.SelectMany(t => t.SupportingUnits).GroupBy(u => u).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (supporting.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("配合单位（按任务数）：");
            foreach (var unit in supporting)
            {
                output.WriteLine($"  {unit.Count(),3}  {unit.Key}");
            }
        }

        output.WriteLine();
        output.WriteLine("提示：");
        foreach (var warning in plan.Warnings)
        {
            var task = warning.Task is { } n ? $"任务 {n}" : "—";
            output.WriteLine($"  第 {warning.Line,3} 行  {task,-7} [{warning.Kind}] {warning.Message}");
        }
    }
}
