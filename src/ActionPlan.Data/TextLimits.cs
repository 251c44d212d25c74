namespace ActionPlan.Data;

/// <summary>
/// The lengths of what users write, in one place: the column sizes, the services' checks and the forms'
/// counters all read these, so a text the form accepts is one the database stores.
/// </summary>
public static class TextLimits
{
    /// <summary>进展情况, 存在问题, a report's text, and the old and new values of an audit entry.</summary>
    public const int LongText = 4000;

    /// <summary>Why a change was made: a task's reason or 暂缓 reason, a report's 退回 reason, an audit entry's reason.</summary>
    public const int Reason = 1000;
}
