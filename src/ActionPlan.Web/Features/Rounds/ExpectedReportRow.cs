namespace ActionPlan.Web.Features.Rounds;

/// <summary>One expected report of a round: its task, unit and where it stands.</summary>
public sealed record ExpectedReportRow(
    int RoundId, string RoundName, DateOnly DueOn, bool RoundOpen,
    int TaskNumber, string TaskTitle, string Unit, ExpectedReportState State, DateOnly? SubmittedOn, int? ReportId, string? ReturnReason)
{
    /// <summary>The plan of the task: a link to the task names it (task numbers are per plan).</summary>
    public int PlanId { get; init; }

    /// <summary>逾期报送: first submitted after the due day.</summary>
    public bool Late => SubmittedOn > DueOn;

    /// <summary>未按时报送 as of <paramref name="today"/>: still missing after the due day.</summary>
    public bool MissingPastDue(DateOnly today) => State == ExpectedReportState.Missing && today > DueOn;
}
