namespace ActionPlan.Web.Features.Extensions;

/// <summary>What a unit fills in to ask for a later deadline (申请延期).</summary>
public sealed class ExtensionInput
{
    /// <summary>The new deadline (a date picker's value).</summary>
    public DateTime? RequestedDue { get; set; }

    public string? Reason { get; set; }
}
