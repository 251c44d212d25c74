namespace ActionPlan.Data.Entities;

/// <summary>A numbered task of a plan (1–165 in 2022).</summary>
public class PlanTask : IVersioned
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan Plan { get; set; } = null!;
    public int DomainId { get; set; }
    public Domain Domain { get; set; } = null!;
    public int Number { get; set; }
    public required string Title { get; set; }
    public required string Text { get; set; }
    public string? LeadUnitClause { get; set; }

    /// <summary>Set when the plan names no lead unit (省有关部门单位按照职责分工负责).</summary>
    public string? ResponsibilityNote { get; set; }

    public PlanTaskStatus Status { get; set; } = PlanTaskStatus.NotStarted;

    /// <summary>0–100 %.</summary>
    public int Progress { get; set; }

    public string? ProgressSummary { get; set; }
    public string? Difficulties { get; set; }

    /// <summary>Why the task is 暂缓; required while it is.</summary>
    public string? SuspensionReason { get; set; }

    /// <summary>Stamped anew on each save of the task or of one of its milestones (see <see cref="IVersioned"/>).</summary>
    public Guid Version { get; set; }

    public int SourceLine { get; set; }

    /// <summary>
    /// 销号: set when the office closed the task after approving a unit's final report (<see cref="ClosingReportId"/>).
    /// A closed task leaves the reporting rounds; re-opening clears these and needs a reason (audited).
    /// </summary>
    public DateTimeOffset? ClosedAt { get; set; }

    public string? ClosedBy { get; set; }

    /// <summary>The approved final report (申请销号) the task was closed on.</summary>
    public int? ClosingReportId { get; set; }

    public List<PlanTaskLeadUnit> LeadUnits { get; set; } = [];

    /// <summary>配合单位: read the task, do not answer for it.</summary>
    public List<PlanTaskSupportingUnit> SupportingUnits { get; set; } = [];
    public List<Milestone> Milestones { get; set; } = [];
    public List<PolicyDate> PolicyDates { get; set; } = [];
}
