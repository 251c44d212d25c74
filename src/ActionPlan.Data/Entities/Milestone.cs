namespace ActionPlan.Data.Entities;

/// <summary>A dated deadline inside a task ("9月底前" → 2022-09-30) with the clause it governs.</summary>
public class Milestone
{
    public int Id { get; set; }
    public int PlanTaskId { get; set; }
    public PlanTask PlanTask { get; set; } = null!;
    public int Position { get; set; }
    /// <summary>
    /// The deadline that counts: the plan's date, or the later one an approved 延期申请 moved it to. Every
    /// rule and figure reads this, so an extension changes them all at once.
    /// </summary>
    public DateOnly Due { get; set; }

    /// <summary>The plan's date once an extension moved <see cref="Due"/>; null while it never moved.</summary>
    public DateOnly? OriginalDue { get; set; }

    public required string Phrase { get; set; }
    public required string Clause { get; set; }
    public bool IsDone { get; set; }
    public DateOnly? CompletedOn { get; set; }
}
