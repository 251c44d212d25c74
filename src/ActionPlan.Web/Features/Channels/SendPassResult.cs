namespace ActionPlan.Web.Features.Channels;

/// <summary>What one sender pass did.</summary>
/// <param name="Ran">False when another pass in this process was still running.</param>
/// <param name="Retrying">Failed this time, to be tried again after the back-off.</param>
/// <param name="Dead">Failed for the last allowed time.</param>
/// <param name="Deferred">Taken but put back: a robot said it was sending too fast, or the pass ran out of time.</param>
public sealed record SendPassResult(bool Ran, int Sent, int Retrying, int Dead, int Deferred)
{
    public static readonly SendPassResult Skipped = new(false, 0, 0, 0, 0);

    public int Failed => Retrying + Dead;
}
