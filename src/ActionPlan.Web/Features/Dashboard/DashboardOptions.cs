using ActionPlan.Web.Infrastructure;

namespace ActionPlan.Web.Features.Dashboard;

/// <summary><c>Dashboard:*</c>: the figure snapshot and the figure cache.</summary>
public sealed class DashboardOptions : IValidatedOptions
{
    public const string Section = "Dashboard";

    /// <summary>Keep the pre-aggregated figure snapshot up to date in the background.</summary>
    public bool Snapshots { get; set; } = true;

    /// <summary>How long a scope's figures are kept (0 turns the cache off).</summary>
    public int CacheSeconds { get; set; } = 10;

    public IEnumerable<string> Problems()
    {
        if (CacheSeconds < 0)
        {
            yield return $"{Section}:CacheSeconds must be 0 or more (is {CacheSeconds}).";
        }
    }
}
