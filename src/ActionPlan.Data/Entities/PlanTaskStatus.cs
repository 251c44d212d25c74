namespace ActionPlan.Data.Entities;

/// <summary>未启动 / 推进中 / 已完成 / 暂缓.</summary>
public enum PlanTaskStatus
{
    NotStarted,
    InProgress,
    Completed,
    Suspended,
}
