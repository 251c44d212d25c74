namespace ActionPlan.Web.Features.Ledger;

/// <summary>One row of the 工作台账.</summary>
public sealed record LedgerRow(
    int Number, string Domain, string Title, string LeadUnits, string Milestones, string Status, int Progress,
    string? ProgressSummary, string? Difficulties, string? Warning);
