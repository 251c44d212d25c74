using ActionPlan.Data.Entities;

namespace ActionPlan.Web.Features.Rounds;

/// <summary>One report a round expects: a task of its scope and one of the task's lead units, with what was received.</summary>
public sealed class ExpectedReport
{
    public required ReportingRound Round { get; init; }
    public required PlanTask PlanTask { get; init; }
    public required LeadUnit LeadUnit { get; init; }
    public int RoundId { get; init; }
    public int PlanTaskId { get; init; }
    public int LeadUnitId { get; init; }

    /// <summary>What the round received for it; null while 未报送.</summary>
    public RoundSubmission? Submission { get; init; }

    public DateOnly? FirstSubmittedOn { get; init; }
    public int? ReportId { get; init; }
}
