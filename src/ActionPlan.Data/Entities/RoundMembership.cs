namespace ActionPlan.Data.Entities;

/// <summary>
/// Whether a task belonged to a round that is closed, kept once the task's 销号 state changes after that round
/// closed. A round asks each task of its scope that is not 销号: while the round is open that is read from the
/// task itself, so closing a task takes it out and re-opening puts it back; a closed round must keep the tasks it
/// had at its end, so the first close or re-open of a task after that writes down what the task was then. There
/// is at most one such row per closed round and task, and none for open rounds.
/// </summary>
public class RoundMembership
{
    public int RoundId { get; set; }
    public ReportingRound Round { get; set; } = null!;
    public int PlanTaskId { get; set; }
    public PlanTask PlanTask { get; set; } = null!;

    /// <summary>True when the task was asked by the round (it was not 销号 when the round closed).</summary>
    public bool Included { get; set; }
}
