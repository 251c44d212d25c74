namespace ActionPlan.Data.Entities;

/// <summary>
/// What a round received from one lead unit on one task: its newest report there (a revision after 退回 replaces
/// it) and the day it first came. A round's expected reports are not stored: they are its tasks × their lead
/// units, counted when read (Features/Rounds/ExpectedReports), so opening a round writes one row whatever the
/// plan's size; only what happens to them later is stored.
/// </summary>
public class RoundSubmission
{
    public int RoundId { get; set; }
    public ReportingRound Round { get; set; } = null!;
    public int PlanTaskId { get; set; }
    public PlanTask PlanTask { get; set; } = null!;
    public int LeadUnitId { get; set; }
    public LeadUnit LeadUnit { get; set; } = null!;

    public int ReportId { get; set; }
    public ProgressReport Report { get; set; } = null!;

    /// <summary>The portal's date of the first submission; after the round's due day it was 逾期报送.</summary>
    public DateOnly FirstSubmittedOn { get; set; }
}
