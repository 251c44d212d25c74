namespace ActionPlan.Data.Entities;

/// <summary>草稿 / 待审核 / 通过 / 退回.</summary>
public enum ReviewState
{
    Draft,
    Submitted,
    Approved,
    Returned,
}
