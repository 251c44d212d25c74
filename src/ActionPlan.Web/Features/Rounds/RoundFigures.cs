namespace ActionPlan.Web.Features.Rounds;

/// <summary>
/// How a round's expected reports stand, for the whole round, a unit or a task. Submitted counts every
/// report submitted at least once (on time or late); approved, returned and waiting are where the newest
/// submission stands; missing ones are those never submitted.
/// </summary>
public sealed record RoundFigures(int Expected, int Submitted, int Approved, int Returned, int Waiting, int Missing, int Late)
{
    public static readonly RoundFigures None = new(0, 0, 0, 0, 0, 0, 0);

    /// <summary>按时报送: first submitted on or before the due day.</summary>
    public int OnTime => Submitted - Late;

    /// <summary>按时报送率: submitted on time among those expected; null when none are.</summary>
    public double? OnTimeRate => Expected == 0 ? null : (double)OnTime / Expected;
}
