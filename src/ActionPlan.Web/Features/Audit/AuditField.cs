namespace ActionPlan.Web.Features.Audit;

/// <summary>Which field a recorded change concerns. Stored under the names <see cref="AuditNames"/> fixes.</summary>
public enum AuditField
{
    Status,
    Progress,
    ProgressSummary,
    Difficulties,
    SuspensionReason,

    /// <summary>One of the task's milestones: the change carries its position.</summary>
    Milestone,

    /// <summary>An account's role, with its lead unit for a unit account ("LeadUnit#12").</summary>
    Role,

    Disabled,
    Password,
}
