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

    /// <summary>A reporting round's state (进行中 → 已结束) or, when opened, what it covers.</summary>
    RoundState,

    /// <summary>The unit a 催报 went to.</summary>
    ChasedUnit,

    /// <summary>A progress report's review state (待审核 → 退回), the report named in the values.</summary>
    ReportState,

    /// <summary>A 督办单's state and level (issued 蓝色, replied, escalated to 黄色, 办结).</summary>
    SlipState,

    /// <summary>A milestone's deadline (a 延期申请 and its decision); the values name the milestone.</summary>
    Deadline,

    /// <summary>Whether the task is closed (销号) or open.</summary>
    Closed,

    /// <summary>An issued 调度通报: its number, month and as-of date.</summary>
    Dispatch,

    /// <summary>The simulated days of a played demo history.</summary>
    DemoHistory,

    /// <summary>An API 令牌: its name, prefix and expiry (never the token).</summary>
    ApiToken,

    /// <summary>A 消息通道: its kind, name, unit and state (never its key or secret).</summary>
    Channel,

    /// <summary>A plan's state: 运行中 or 已归档.</summary>
    PlanState,

    /// <summary>An imported plan: its title, 文号, counts and the units mapped or created (never the text).</summary>
    Plan,
}
