using ActionPlan.Data.Entities;
using MudBlazor;

namespace ActionPlan.Web.Features.Reports;

public static class ReportText
{
    public static string Label(ReviewState state) => state switch
    {
        ReviewState.Draft => "草稿",
        ReviewState.Submitted => "待审核",
        ReviewState.Approved => "通过",
        ReviewState.Returned => "退回",
        _ => state.ToString(),
    };

    public static Color Colour(ReviewState state) => state switch
    {
        ReviewState.Submitted => Color.Info,
        ReviewState.Approved => Color.Success,
        ReviewState.Returned => Color.Error,
        _ => Color.Default,
    };

    public static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / 1024d / 1024d:0.0} MB" : $"{Math.Max(1, bytes / 1024)} KB";
}
