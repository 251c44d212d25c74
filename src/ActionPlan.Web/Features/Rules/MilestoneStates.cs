namespace ActionPlan.Web.Features.Rules;

public static class MilestoneStates
{
    /// <summary>The states the list's 时间节点 filter offers and the dashboard counts, in that order.</summary>
    public static readonly IReadOnlyList<MilestoneState> Listed =
    [
        MilestoneState.Due, MilestoneState.OnTime, MilestoneState.Late, MilestoneState.Approaching,
        MilestoneState.Urgent, MilestoneState.Overdue, MilestoneState.Pending,
    ];

    public static string Label(MilestoneState state) => state switch
    {
        MilestoneState.Due => "已到期",
        MilestoneState.OnTime => "按时完成",
        MilestoneState.Late => "逾期完成",
        MilestoneState.Approaching => "临期",
        MilestoneState.Urgent => "紧急",
        MilestoneState.Overdue => "逾期未完成",
        MilestoneState.Pending => "待完成",
        MilestoneState.Done => "已完成",
        MilestoneState.Open => "未完成",
        MilestoneState.Flagged => "需预警",
        MilestoneState.OnTrack => "正常",
        _ => state.ToString(),
    };
}
