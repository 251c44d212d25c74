namespace ActionPlan.Data.Entities;

/// <summary>One report a round expects: a task and one of its lead units.</summary>
public class ExpectedReport
{
    public long Id { get; set; }
    public int RoundId { get; set; }
    public ReportingRound Round { get; set; } = null!;
    public int PlanTaskId { get; set; }
    public PlanTask PlanTask { get; set; } = null!;
    public int LeadUnitId { get; set; }
    public LeadUnit LeadUnit { get; set; } = null!;

    /// <summary>The newest report submitted for it in this round (a revision after 退回 replaces it).</summary>
    public int? ReportId { get; set; }

    public ProgressReport? Report { get; set; }

    /// <summary>The portal's date of the first submission; after the round's due day it was 逾期报送.</summary>
    public DateOnly? FirstSubmittedOn { get; set; }
}
