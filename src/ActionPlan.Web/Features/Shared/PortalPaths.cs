namespace ActionPlan.Web.Features.Shared;

/// <summary>Addresses one feature links to and another serves, kept here so neither imports the other.</summary>
public static class PortalPaths
{
    /// <summary>The 工作台账 .xlsx of a 任务清单 view (same query string as the list).</summary>
    public const string Ledger = "/tasks/ledger.xlsx";

    /// <summary>督办单, filtered by <c>level</c> (Blue, Yellow, Red); served by the slips feature.</summary>
    public const string Slips = "/slips";
}
