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

    public List<PlanTaskLeadUnit> LeadUnits { get; set; } = [];
    public List<Milestone> Milestones { get; set; } = [];
    public List<PolicyDate> PolicyDates { get; set; } = [];
}

/// <summary>未启动 / 推进中 / 已完成 / 暂缓.</summary>
public enum PlanTaskStatus
{
    NotStarted,
    InProgress,
    Completed,
    Suspended,
}

/// <summary>A government unit named as responsible for tasks; shared across plans.</summary>
public class LeadUnit
{
    public int Id { get; set; }
    public required string Name { get; set; }
}

public class PlanTaskLeadUnit
{
    public int PlanTaskId { get; set; }
    public PlanTask PlanTask { get; set; } = null!;
    public int LeadUnitId { get; set; }
    public LeadUnit LeadUnit { get; set; } = null!;

    /// <summary>Order in which the plan names the unit.</summary>
    public int Position { get; set; }
}

/// <summary>A dated deadline inside a task ("9月底前" → 2022-09-30) with the clause it governs.</summary>
public class Milestone
{
    public int Id { get; set; }
    public int PlanTaskId { get; set; }
    public PlanTask PlanTask { get; set; } = null!;
    public int Position { get; set; }
    public DateOnly Due { get; set; }
    public required string Phrase { get; set; }
    public required string Clause { get; set; }
    public bool IsDone { get; set; }
    public DateOnly? CompletedOn { get; set; }
}

/// <summary>A policy validity date written in a task; not a deadline.</summary>
public class PolicyDate
{
    public int Id { get; set; }
    public int PlanTaskId { get; set; }
    public PlanTask PlanTask { get; set; } = null!;
    public int Position { get; set; }
    public DateOnly Date { get; set; }
    public required string Phrase { get; set; }
}
