using ActionPlan.Data.Entities;

namespace ActionPlan.Web.Features.Rounds;

/// <summary>Open 督办单 (neither closed nor escalated) by level.</summary>
public sealed record SlipCounts(int Blue, int Yellow, int Red)
{
    public int Total => Blue + Yellow + Red;

    public int Of(SlipLevel level) => level switch
    {
        SlipLevel.Blue => Blue,
        SlipLevel.Yellow => Yellow,
        _ => Red,
    };
}
