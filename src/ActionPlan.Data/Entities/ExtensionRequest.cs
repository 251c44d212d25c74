namespace ActionPlan.Data.Entities;

/// <summary>
/// 延期申请: a lead unit asks to move one milestone's deadline to a later day, with a reason. Approval moves
/// <see cref="Milestone.Due"/> and keeps the plan's date in <see cref="Milestone.OriginalDue"/>.
/// </summary>
public class ExtensionRequest
{
    public int Id { get; set; }
    public int MilestoneId { get; set; }
    public Milestone Milestone { get; set; } = null!;
    public int LeadUnitId { get; set; }
    public LeadUnit LeadUnit { get; set; } = null!;

    /// <summary>The milestone's deadline when the unit asked.</summary>
    public DateOnly CurrentDue { get; set; }

    public DateOnly RequestedDue { get; set; }
    public required string Reason { get; set; }
    public required string RequestedBy { get; set; }
    public DateTimeOffset RequestedAt { get; set; }

    public ExtensionState State { get; set; } = ExtensionState.Pending;
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>Why the office refused (required then) or a remark on the approval.</summary>
    public string? DecisionNote { get; set; }
}
