using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ActionPlan.Web.Features.Shared;

/// <summary>
/// Writes workbooks with the Open XML SDK. Every text is an inline string, never a formula, so a cell
/// beginning with =, +, - or @ stays text (no formula injection).
/// </summary>
public static class XlsxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(IReadOnlyList<XlsxSheet> sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var list = new Sheets();
            workbook.Workbook.AppendChild(list);
            var sheetId = 1u;
            foreach (var sheet in sheets)
            {
                var sheetPart = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                var index = 1u;
                foreach (var line in sheet.Preamble)
                {
                    data.Append(Row(index++, [Text(line, header: true)]));
                }

                var headerRow = index;
                data.Append(Row(index++, sheet.Headers.Select(h => Text(h, header: true))));
                foreach (var row in sheet.Rows)
                {
                    data.Append(Row(index++, row.Select(Cell)));
                }

                sheetPart.Worksheet = new Worksheet(
                    new SheetViews(new SheetView(new Pane { VerticalSplit = headerRow, TopLeftCell = $"A{headerRow + 1}", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
                    {
                        WorkbookViewId = 0,
                    }),
                    new Columns(sheet.Widths.Select((width, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = width, CustomWidth = true })),
                    data);
                list.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = sheetId++, Name = sheet.Name });
            }

            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Cell Cell(object? value) => value switch
    {
        int i => new Cell { DataType = CellValues.Number, CellValue = new CellValue(i), StyleIndex = 2u },
        double d => new Cell { DataType = CellValues.Number, CellValue = new CellValue(d), StyleIndex = 3u },
        _ => Text(value?.ToString()),
    };

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

    /// <summary>0 default, 1 bold header, 2 wrapped text aligned to the top, 3 a percentage.</summary>
    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top }) { NumberFormatId = 10, ApplyNumberFormat = true, ApplyAlignment = true }) { Count = 4 });
}
