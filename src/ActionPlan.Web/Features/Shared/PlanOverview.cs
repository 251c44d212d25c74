namespace ActionPlan.Web.Features.Shared;

/// <summary>
/// One plan as the pages show it. <see cref="IsDefault"/>: the plan a link without <c>plan=</c> opens (the newest
/// running one); <see cref="IsArchived"/>: read-only.
/// </summary>
public sealed record PlanOverview(int Id, string Title, string DocumentNumber, int Year, IReadOnlyList<DomainOption> Domains)
{
    public const string QueryName = "plan";

    public bool IsArchived { get; init; }
    public bool IsDefault { get; init; }

    /// <summary>
    /// <paramref name="path"/> opening this plan: unchanged for the default plan (so its links stay as they always were),
    /// else with <c>plan={Id}</c> in the query, before any fragment.
    /// </summary>
    /// <summary><paramref name="path"/> in plan <paramref name="planId"/> (one of <paramref name="plans"/>), for pages that list items of several plans.</summary>
    public static string Link(IReadOnlyList<PlanOverview> plans, int planId, string path) =>
        plans.FirstOrDefault(p => p.Id == planId)?.Link(path) ?? path;

    /// <summary>Whether plan <paramref name="planId"/> is archived.</summary>
    public static bool Archived(IReadOnlyList<PlanOverview> plans, int planId) => plans.FirstOrDefault(p => p.Id == planId)?.IsArchived == true;

    public string Link(string path)
    {
        if (IsDefault)
        {
            return path;
        }

        var hash = path.IndexOf('#', StringComparison.Ordinal);
        var (main, fragment) = hash < 0 ? (path, "") : (path[..hash], path[hash..]);
        return $"{main}{(main.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{QueryName}={Id}{fragment}";
    }
}
