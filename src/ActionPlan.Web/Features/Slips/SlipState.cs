namespace ActionPlan.Web.Features.Slips;

/// <summary>Where a 督办单 stands on a date; derived, never stored (see <see cref="SlipRules"/>).</summary>
public enum SlipState
{
    /// <summary>待反馈: open, some unit has not replied, the reply date not yet passed.</summary>
    Waiting = 1,

    /// <summary>逾期未反馈: past the reply date with a reply missing; escalation is suggested below 红色.</summary>
    Overdue = 2,

    /// <summary>已反馈: every unit replied; the office may close it.</summary>
    Replied = 3,

    /// <summary>已升级: the office issued the next level's slip in its place.</summary>
    Escalated = 4,

    /// <summary>已办结.</summary>
    Closed = 5,
}
