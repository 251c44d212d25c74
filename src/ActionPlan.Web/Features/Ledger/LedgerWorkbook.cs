using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ActionPlan.Web.Features.Ledger;

/// <summary>One row of the 工作台账.</summary>
public sealed record LedgerRow(
    int Number, string Domain, string Title, string LeadUnits, string Milestones, string Status, int Progress,
    string? ProgressSummary, string? Difficulties, string? Warning);

/// <summary>
/// Writes the ledger as .xlsx with the Open XML SDK: Chinese headers, column widths, a frozen header row.
/// Every text is an inline string, never a formula, so a cell beginning with =, +, - or @ stays text.
/// </summary>
public static class LedgerWorkbook
{
    public static readonly string[] Headers = ["序号", "领域", "任务", "牵头单位", "时间节点", "状态", "进度", "进展情况", "存在问题", "预警"];
    private static readonly double[] Widths = [6, 16, 34, 26, 34, 9, 7, 40, 30, 10];

    public static byte[] Write(IEnumerable<LedgerRow> rows, string sheetName = "工作台账")
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();

            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(1, Headers.Select(h => Text(h, header: true))));
            var index = 2u;
            foreach (var row in rows)
            {
                data.Append(Row(index++,
                [
                    Number(row.Number), Text(row.Domain), Text(row.Title), Text(row.LeadUnits), Text(row.Milestones), Text(row.Status),
                    Number(row.Progress), Text(row.ProgressSummary), Text(row.Difficulties), Text(row.Warning),
                ]));
            }

            sheetPart.Worksheet = new Worksheet(
                new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
                {
                    WorkbookViewId = 0,
                }),
                new Columns(Widths.Select((width, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = width, CustomWidth = true })),
                data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName }));
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Row Row(uint index, IEnumerable<Cell> cells)
    {
        var row = new Row { RowIndex = index };
        row.Append(cells);
        return row;
    }

    /// <summary>An inline string cell: Excel shows it as typed and never evaluates it.</summary>
    private static Cell Text(string? value, bool header = false) => new()
    {
        DataType = CellValues.InlineString,
        StyleIndex = header ? 1u : 2u,
        InlineString = new InlineString(new Text(value ?? "") { Space = SpaceProcessingModeValues.Preserve }),
    };

    private static Cell Number(int value) => new() { DataType = CellValues.Number, CellValue = new CellValue(value), StyleIndex = 2u };

    /// <summary>0 default, 1 bold header, 2 wrapped text aligned to the top.</summary>
    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true }) { Count = 3 });
}
