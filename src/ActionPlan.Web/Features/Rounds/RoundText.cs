namespace ActionPlan.Web.Features.Rounds;

public static class RoundText
{
    public static string Label(ExpectedReportState state) => state switch
    {
        ExpectedReportState.Missing => "未报送",
        ExpectedReportState.Submitted => "已报·待审核",
        ExpectedReportState.Approved => "已报·已通过",
        ExpectedReportState.Returned => "已退回",
        _ => state.ToString(),
    };
}
