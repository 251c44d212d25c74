namespace ActionPlan.Data.Entities;

/// <summary>When a plan's <see cref="FigureCell"/>s were computed: for which day and from which data.</summary>
public class FigureSnapshot
{
    public int PlanId { get; set; }
    public DateOnly AsOf { get; set; }

    /// <summary>The <see cref="PlanDataVersion"/> the cells were computed from.</summary>
    public Guid DataVersion { get; set; }

    public DateTimeOffset RefreshedAt { get; set; }
}
