using ActionPlan.Web.Features.Shared;

namespace ActionPlan.Web.Features.Ledger;

/// <summary>The 工作台账 as .xlsx: Chinese headers, column widths, a frozen header row (see <see cref="XlsxWriter"/>).</summary>
public static class LedgerWorkbook
{
    public static readonly string[] Headers = ["序号", "领域", "任务", "牵头单位", "时间节点", "状态", "进度", "进展情况", "存在问题", "预警"];
    private static readonly double[] Widths = [6, 16, 34, 26, 34, 9, 7, 40, 30, 10];

    public static byte[] Write(IEnumerable<LedgerRow> rows) =>
        XlsxWriter.Write([new XlsxSheet("工作台账", Headers, Widths, rows.Select(row => new object?[]
        {
            row.Number, row.Domain, row.Title, row.LeadUnits, row.Milestones, row.Status, row.Progress, row.ProgressSummary, row.Difficulties, row.Warning,
        }))]);
}
