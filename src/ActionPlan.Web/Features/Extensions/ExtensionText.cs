using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Shared;
using MudBlazor;

namespace ActionPlan.Web.Features.Extensions;

/// <summary>The words and colours of 延期申请, the same on every page.</summary>
public static class ExtensionText
{
    public static string Label(ExtensionState state) => state switch
    {
        ExtensionState.Pending => "待审批",
        ExtensionState.Approved => "已批准",
        ExtensionState.Refused => "未批准",
        _ => state.ToString(),
    };

    public static Color Colour(ExtensionState state) => state switch
    {
        ExtensionState.Pending => Color.Warning,
        ExtensionState.Approved => Color.Success,
        ExtensionState.Refused => Color.Error,
        _ => Color.Default,
    };

    /// <summary>A deadline in a table: "2022-09-30（原定 2022-06-30，已延期）" once an extension moved it.</summary>
    public static string Due(DateOnly due, DateOnly? originalDue) =>
        originalDue is { } original && original != due ? $"{StatusText.ShortDate(due)}（原定 {StatusText.ShortDate(original)}，已延期）" : StatusText.ShortDate(due);

    /// <summary>A milestone as the audit trail names it.</summary>
    public static string Milestone(int position, string phrase) => $"时间节点 {position + 1}（{phrase}）";
}
