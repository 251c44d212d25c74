namespace ActionPlan.Data.Entities;

/// <summary>待审批 / 已批准 / 未批准.</summary>
public enum ExtensionState
{
    Pending,
    Approved,
    Refused,
}
