namespace ActionPlan.Data.Entities;

/// <summary>
/// A 调度通报 as the office issued it (签发): its number (第N期), the page, the figures and both files exactly as
/// they were that moment. Written once and never updated, so a later change to the tasks cannot change an
/// issued report, and reading one does not touch the task tables.
/// </summary>
public class IssuedDispatchReport
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan Plan { get; set; } = null!;

    /// <summary>第N期: numbered 1, 2, … within the plan in the order of issue.</summary>
    public int Number { get; set; }

    /// <summary>The first day of the report's month.</summary>
    public DateOnly Month { get; set; }

    public DateOnly AsOf { get; set; }
    public DateTimeOffset IssuedAt { get; set; }

    /// <summary>The issuer's user name (who, for the audit) and display name (as the report prints it).</summary>
    public required string IssuedBy { get; set; }

    public required string IssuerName { get; set; }

    public required string Title { get; set; }
    public required string Summary { get; set; }

    /// <summary>The report's HTML as the page showed it when issued.</summary>
    public required string Html { get; set; }

    /// <summary>Every figure and list of the report, as JSON, for readers other than a person.</summary>
    public required string FiguresJson { get; set; }

    public required byte[] Docx { get; set; }
    public required byte[] Xlsx { get; set; }
}
