namespace ActionPlan.Web.Features.Rules;

/// <summary>
/// What can be said of a milestone as of a date; each is defined once in <see cref="MilestoneRules"/>.
/// The first seven are what the dashboard counts and the list's <c>ms=</c> filter offers
/// (<see cref="MilestoneStates.Listed"/>); the rest are the building blocks other rules need.
/// </summary>
public enum MilestoneState
{
    /// <summary>已到期: due on or before the date, done or not.</summary>
    Due,

    /// <summary>按时完成: done on or before its due date (early completions included).</summary>
    OnTime,

    /// <summary>逾期完成: done after its due date.</summary>
    Late,

    /// <summary>临期: open, due after the urgent window and within the approaching window.</summary>
    Approaching,

    /// <summary>紧急: open, due from the date to the end of the urgent window.</summary>
    Urgent,

    /// <summary>逾期未完成: open and past its due date.</summary>
    Overdue,

    /// <summary>待完成: open and not overdue (due on or after the date; one due that day is also 已到期).</summary>
    Pending,

    /// <summary>已完成: done on or before the date.</summary>
    Done,

    /// <summary>未完成: not done by the date (done later counts as open then).</summary>
    Open,

    /// <summary>需预警: open and due within the approaching window or past it (临期, 紧急 or 逾期).</summary>
    Flagged,

    /// <summary>正常: open and due after the approaching window.</summary>
    OnTrack,
}
