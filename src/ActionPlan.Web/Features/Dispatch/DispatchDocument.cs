using System.Globalization;
using ActionPlan.Web.Features.Dashboard;
using ActionPlan.Web.Features.Rounds;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using StatusText = ActionPlan.Web.Features.Shared.StatusText;

namespace ActionPlan.Web.Features.Dispatch;

/// <summary>
/// The 调度通报 as .docx in the layout of 党政机关公文格式 (GB/T 9704-2012): A4, a 156 × 225 mm text block of
/// 22 lines × 28 characters, 2号小标宋 title, 3号仿宋 body, 黑体/楷体 headings and "— 1 —" page numbers. The
/// content, sections, numbers and wording are those of the page (DispatchReportPage.razor).
/// </summary>
public static class DispatchDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    // §5.2: A4 with 天头 37 mm and 订口 28 mm; the 156 × 225 mm text block leaves 35 mm below and 26 mm on the right.
    private const int PageWidth = 11906;
    private const int PageHeight = 16838;
    private static readonly int MarginTop = Twips(37);
    private static readonly int MarginBottom = Twips(35);
    private static readonly int MarginLeft = Twips(28);
    private static readonly int MarginRight = Twips(26);
    private static readonly int TextWidth = PageWidth - MarginLeft - MarginRight;

    // Font sizes in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt, 小四 12 pt. One character of a size is size × 10 twips wide.
    private const int Size2 = 44;
    private const int Size3 = 32;
    private const int Size4 = 28;
    private const int SizeSmall4 = 24;

    // §5.2.3: 22 lines of 28 characters. The pitch is rounded down so that 22 lines fit the block (579 twips ≈ 28.95 pt);
    // Word stores the character pitch as its difference from the 3号 body size, in 1/4096 pt, again rounded down so 28 fit.
    private static readonly int LinePitch = (PageHeight - MarginTop - MarginBottom) / 22;
    private static readonly int CharSpace = (int)Math.Floor((TextWidth / 20.0 / 28 - Size3 / 2.0) * 4096);

    // That pitch is 0.2 pt narrower than a 3号 character. Word sets the characters at the pitch anyway, but LibreOffice
    // gives a character wider than the pitch two cells, which spread a line to 14 characters. Set 0.3 pt tighter, a body
    // character fits one cell in both, and 28 still fill a line. In twentieths of a point.
    private const int GridCondensing = -6;

    // §7.5: the page number's line starts 7 mm below the text block; its line is 18 pt high, and Word measures the footer from the page's edge.
    private const int PageNumberLine = 360;
    private static readonly int FooterDistance = Twips(35 - 7) - PageNumberLine;

    private const string Latin = "Times New Roman";
    private const string TitleFont = "方正小标宋简体";
    private const string BodyFont = "仿宋_GB2312";
    private const string Heading1Font = "黑体";
    private const string Heading2Font = "楷体_GB2312";
    private const string PageNumberFont = "宋体";

    private const string NormalStyle = "Normal";
    private const string TitleStyle = "Title";
    private const string MastheadStyle = "Masthead";
    private const string Heading1Style = "Heading1";
    private const string Heading2Style = "Heading2";
    private const string TableTextStyle = "TableText";
    private const string TableHeadingStyle = "TableHeading";
    private const string FooterStyle = "Footer";
    private const string SignatureStyle = "Signature";
    private const string TableStyleId = "DispatchTable";

    /// <summary>Where a table cell's text goes on to a new line (a <c>w:br</c>, so the cell's text stays the page's).</summary>
    private const char LineBreak = '\n';

    /// <summary>The report as a Word document; without an edition it is a draft whose 期号 line says （未签发）.</summary>
    public static byte[] Write(DispatchReport report, DispatchEdition? edition = null)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = StyleDefinitions();
            main.AddNewPart<FontTablePart>().Fonts = FontTable();
            main.AddNewPart<DocumentSettingsPart>().Settings = DocumentSettings();
            var odd = main.AddNewPart<FooterPart>();
            odd.Footer = PageNumberFooter(JustificationValues.Right);
            var even = main.AddNewPart<FooterPart>();
            even.Footer = PageNumberFooter(JustificationValues.Left);

            var body = new Body(SpacedAfterTables(Content(report, edition)));
            body.Append(PageSetup(main.GetIdOfPart(odd), main.GetIdOfPart(even)));
            main.Document = new Document(body);
            document.PackageProperties.Title = DispatchWorkbook.Title(report);
        }

        return stream.ToArray();
    }

    private static IEnumerable<OpenXmlElement> Content(DispatchReport r, DispatchEdition? edition)
    {
        var f = r.Figures;
        yield return TitleParagraph(r);
        yield return StyledParagraph(MastheadStyle, edition is null ? "（未签发）" : $"第{edition.Number}期");
        yield return IssuerLine($"{r.DocumentNumber}　　截至{StatusText.LongDate(r.AsOf)}{(r.OwnTasksOnly ? "　（本单位牵头的任务）" : "")}");

        yield return StyledParagraph(Heading1Style, "一、总体进展");
        yield return StyledParagraph(NormalStyle, r.Summary);

        yield return StyledParagraph(Heading1Style, "二、分领域进展");
        yield return ReportTable(
            // 完成率 is wider than the counts: "100%" must fit on one line.
            [("领域", 28, false), .. DispatchWorkbook.DomainHeaders.Skip(2).SkipLast(1).Select(h => (h, 7, true)), (DispatchWorkbook.DomainHeaders[^1], 9, true)],
            f.Domains.OrderBy(d => d.Number).Select(d => DomainCells($"（{d.Number}）{d.Name}", d.Tasks, d.Milestones)),
            DomainCells("合计", f.Tasks, f.Milestones));

        yield return StyledParagraph(Heading1Style, $"三、逾期未完成的时间节点（{r.Overdue.Count} 个）");
        if (r.Overdue.Count == 0)
        {
            yield return StyledParagraph(NormalStyle, $"截至{StatusText.LongDate(r.AsOf)}，没有逾期未完成的时间节点。");
        }
        else
        {
            yield return ReportTable(
                [("任务", 38, false), ("牵头单位", 30, false), ("时间节点", 22, false), ("逾期天数", 10, true)],
                r.Overdue.Select(m => new[] { $"{m.TaskNumber}. {m.Title}", m.Units, Deadline(m), Number(m.DaysOverdue(r.AsOf)) }));
        }

        yield return StyledParagraph(Heading1Style, $"四、{r.NextMonthStart.Month}月将到期的时间节点（{r.NextMonth.Count} 个）");
        if (r.NextMonth.Count == 0)
        {
            yield return StyledParagraph(NormalStyle, $"{StatusText.Month(r.NextMonthStart)}没有到期的时间节点。");
        }
        else
        {
            yield return ReportTable(
                [("任务", 38, false), ("牵头单位", 30, false), ("时间节点", 18, false), ("完成情况", 14, false)],
                r.NextMonth.Select(m => new[] { $"{m.TaskNumber}. {m.Title}", m.Units, Deadline(m), m.DoneText }));
        }

        yield return StyledParagraph(Heading1Style, $"五、有逾期未完成节点的牵头单位（{r.Units.Count} 个）");
        if (r.Units.Count == 0)
        {
            yield return StyledParagraph(NormalStyle, "没有。");
        }
        else
        {
            yield return ReportTable(
                [("牵头单位", 30, false), ("逾期未完成节点", 15, true), ("涉及任务（序号）", 55, false)],
                r.Units.Select(u => new[] { u.Name, Number(u.Overdue), string.Join("、", u.TaskNumbers) }));
        }

        yield return StyledParagraph(Heading1Style, "六、报送与督办情况");
        var rep = r.Reporting;
        if (rep.Round is { } round)
        {
            yield return StyledParagraph(NormalStyle, $"{round.Name}（{StatusText.LongDate(round.DueOn)}前报送{(round.IsOpen ? "" : "，已结束")}）各牵头单位报送情况：", keepNext: true);
            yield return ReportTable(
                [(DispatchWorkbook.ReportingHeaders[0], 34, false), .. DispatchWorkbook.ReportingHeaders.Skip(1).Select(h => (h, 11, true))],
                rep.Units.Select(u => ReportingRow(u.Unit, u.Figures)),
                ReportingRow("合计", rep.Totals));
        }
        else
        {
            yield return StyledParagraph(NormalStyle, $"{StatusText.Month(r.Month)}没有调度轮次。");
        }

        yield return StyledParagraph(NormalStyle, "督办与延期（督办单为未办结、未升级的）：", keepNext: true);
        yield return ReportTable(
            [("红色督办单", 1, true), ("黄色督办单", 1, true), ("蓝色督办单", 1, true), ("督办单合计", 1, true), ("批准延期节点", 1, true), ("已批准延期申请", 1, true)],
            [[Number(rep.Slips.Red), Number(rep.Slips.Yellow), Number(rep.Slips.Blue), Number(rep.Slips.Total), Number(rep.MilestonesMoved), Number(rep.ExtensionsApproved)]]);

        if (edition is null)
        {
            // Word expects the body to end with a paragraph, not a table.
            yield return new Paragraph();
        }
        else
        {
            // §7.3.5.2: the date of an issued document stands right, four characters from the edge.
            yield return StyledParagraph(SignatureStyle, $"签发人：{edition.IssuedBy}", spaceBefore: true);
            yield return StyledParagraph(SignatureStyle, StatusText.LongDate(edition.IssuedOn));
        }
    }

    /// <summary>Half a line between a table and the heading or paragraph under it, which would otherwise touch its bottom border.</summary>
    private static IEnumerable<OpenXmlElement> SpacedAfterTables(IEnumerable<OpenXmlElement> content)
    {
        OpenXmlElement? previous = null;
        foreach (var element in content)
        {
            if (previous is Table && element is Paragraph { ParagraphProperties: { } properties })
            {
                properties.SpacingBetweenLines ??= new SpacingBetweenLines();
                properties.SpacingBetweenLines.Before ??= Twip(LinePitch / 2);
            }

            yield return previous = element;
        }
    }

    private static string[] DomainCells(string name, TaskFigures t, MilestoneFigures m) =>
    [
        name, Number(t.Total), Number(t.Completed), Number(t.InProgress), Number(t.NotStarted), Number(t.Suspended),
        Number(m.DueSoFar), Number(m.DoneOnTime), Number(m.DoneLate), Number(m.Overdue), StatusText.Percent(t.CompletionRate),
    ];

    private static string[] ReportingRow(string unit, RoundFigures figures) => [unit, .. DispatchWorkbook.ReportingCells(figures).Select(Number)];

    /// <summary>The page's 2022-06-30（6月底前）, broken after the date so a narrow column does not split the date at a hyphen.</summary>
    private static string Deadline(ReportMilestone m) => $"{StatusText.ShortDate(m.Due)}{LineBreak}（{m.Phrase}）";

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static int Twips(double millimetres) => (int)Math.Round(millimetres * 1440 / 25.4, MidpointRounding.AwayFromZero);

    private static string Twip(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static Run TextRun(string text) => new(new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    private static Paragraph StyledParagraph(string style, string text, bool keepNext = false, bool spaceBefore = false) => new(
        new ParagraphProperties
        {
            ParagraphStyleId = new ParagraphStyleId { Val = style },
            KeepNext = keepNext ? new KeepNext() : null,
            SpacingBetweenLines = spaceBefore ? new SpacingBetweenLines { Before = Twip(LinePitch) } : null,
        },
        TextRun(text));

    /// <summary>
    /// §7.3.1: a title too long for one line breaks where the words allow and stays centred, here after the
    /// plan's name, so the second line names the document (调度通报（2022年6月）).
    /// </summary>
    private static Paragraph TitleParagraph(DispatchReport r)
    {
        var title = DispatchWorkbook.Title(r);
        var paragraph = new Paragraph(new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = TitleStyle } });
        // Latin letters and digits are half as wide as Chinese characters.
        var width = title.Sum(c => c < 0x2E80 ? 0.5 : 1);
        if (width > TextWidth / (Size2 * 10) && r.PlanTitle.Length > 0 && title.StartsWith(r.PlanTitle, StringComparison.Ordinal))
        {
            paragraph.Append(TextRun(r.PlanTitle), new Run(new Break()), TextRun(title[r.PlanTitle.Length..]));
        }
        else
        {
            paragraph.Append(TextRun(title));
        }

        return paragraph;
    }

    /// <summary>The 文号 and as-of line, over a red rule the width of the text block as under a 公文's 版头 (§7.2.6).</summary>
    private static Paragraph IssuerLine(string text) => new(
        new ParagraphProperties
        {
            ParagraphStyleId = new ParagraphStyleId { Val = MastheadStyle },
            ParagraphBorders = new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 12u, Space = 4u, Color = "FF0000" }),
            SpacingBetweenLines = new SpacingBetweenLines { After = Twip(LinePitch) },
        },
        TextRun(text));

    /// <summary>
    /// A bordered table the width of the text block; its header row repeats on every page and no row splits
    /// across pages. Column widths are shares of the block; the last column takes the rounding rest.
    /// </summary>
    private static Table ReportTable(IReadOnlyList<(string Header, int Share, bool Numeric)> columns, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<string>? total = null)
    {
        var shares = columns.Sum(c => c.Share);
        var widths = columns.Select(c => TextWidth * c.Share / shares).ToArray();
        widths[^1] += TextWidth - widths.Sum();

        var table = new Table(
            new TableProperties
            {
                TableStyle = new TableStyle { Val = TableStyleId },
                TableWidth = new TableWidth { Width = Twip(TextWidth), Type = TableWidthUnitValues.Dxa },
                TableLayout = new TableLayout { Type = TableLayoutValues.Fixed },
            },
            new TableGrid(widths.Select(w => new GridColumn { Width = Twip(w) })));
        table.Append(ReportRow(columns.Select(c => c.Header).ToArray(), widths, columns, header: true));
        foreach (var row in rows)
        {
            table.Append(ReportRow(row, widths, columns, header: false));
        }

        if (total is not null)
        {
            table.Append(ReportRow(total, widths, columns, header: false, emphasis: true));
        }

        return table;
    }

    private static TableRow ReportRow(IReadOnlyList<string> cells, int[] widths, IReadOnlyList<(string Header, int Share, bool Numeric)> columns, bool header, bool emphasis = false)
    {
        var properties = new TableRowProperties(new CantSplit());
        if (header)
        {
            properties.Append(new TableHeader());
        }

        var row = new TableRow(properties);
        for (var i = 0; i < widths.Length; i++)
        {
            var centred = header || columns[i].Numeric;
            var paragraph = new Paragraph(new ParagraphProperties
            {
                ParagraphStyleId = new ParagraphStyleId { Val = header || emphasis ? TableHeadingStyle : TableTextStyle },
                Justification = new Justification { Val = centred ? JustificationValues.Center : JustificationValues.Left },
            });
            var lines = (i < cells.Count ? cells[i] : "").Split(LineBreak);
            for (var line = 0; line < lines.Length; line++)
            {
                if (line > 0)
                {
                    paragraph.Append(new Run(new Break()));
                }

                paragraph.Append(TextRun(lines[line]));
            }

            row.Append(new TableCell(
                new TableCellProperties
                {
                    TableCellWidth = new TableCellWidth { Width = Twip(widths[i]), Type = TableWidthUnitValues.Dxa },
                    TableCellVerticalAlignment = new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center },
                },
                paragraph));
        }

        return row;
    }

    /// <summary>"— 1 —" in 4号宋体; §7.5 puts odd pages' number on the right and even pages' on the left, one character in.</summary>
    private static Footer PageNumberFooter(JustificationValues side) => new(
        new Paragraph(
            new ParagraphProperties
            {
                ParagraphStyleId = new ParagraphStyleId { Val = FooterStyle },
                Indentation = side == JustificationValues.Right
                    ? new Indentation { Right = Twip(Size4 * 10), FirstLine = "0", FirstLineChars = 0 }
                    : new Indentation { Left = Twip(Size4 * 10), FirstLine = "0", FirstLineChars = 0 },
                Justification = new Justification { Val = side },
            },
            TextRun("— "),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            TextRun("1"),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
            TextRun(" —")));

    private static SectionProperties PageSetup(string oddFooter, string evenFooter) => new(
        new FooterReference { Type = HeaderFooterValues.Default, Id = oddFooter },
        new FooterReference { Type = HeaderFooterValues.Even, Id = evenFooter },
        new PageSize { Width = (uint)PageWidth, Height = (uint)PageHeight },
        new PageMargin
        {
            Top = MarginTop, Bottom = MarginBottom, Left = (uint)MarginLeft, Right = (uint)MarginRight,
            Header = 851u, Footer = (uint)FooterDistance, Gutter = 0u,
        },
        new DocGrid { Type = DocGridValues.LinesAndChars, LinePitch = LinePitch, CharacterSpace = CharSpace });

    private static Settings DocumentSettings() => new(
        new DefaultTabStop { Val = (short)(Size3 * 10) },
        // Odd and even pages carry their own footer (the page number changes sides).
        new EvenAndOddHeaders(),
        new CharacterSpacingControl { Val = CharacterSpacingValues.CompressPunctuation },
        // Word 2013+ layout: a table's border lines up with the margin instead of its text.
        new Compatibility(new CompatibilitySetting { Name = CompatSettingNameValues.CompatibilityMode, Uri = "http://schemas.microsoft.com/office/word", Val = "15" }),
        new ThemeFontLanguages { Val = "en-US", EastAsia = "zh-CN" });

    private static Styles StyleDefinitions() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle
            {
                RunFonts = FontsOf(BodyFont, Latin),
                FontSize = new FontSize { Val = Twip(Size3) },
                FontSizeComplexScript = new FontSizeComplexScript { Val = Twip(Size3) },
                Languages = new Languages { Val = "en-US", EastAsia = "zh-CN", Bidi = "ar-SA" },
            }),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle
            {
                SpacingBetweenLines = new SpacingBetweenLines { Before = "0", After = "0" },
            })),
        ParagraphStyle(NormalStyle, "Normal", null,
            new StyleParagraphProperties
            {
                SpacingBetweenLines = new SpacingBetweenLines { Line = Twip(LinePitch), LineRule = LineSpacingRuleValues.Exact },
                Indentation = new Indentation { FirstLineChars = 200, FirstLine = Twip(2 * Size3 * 10) },
                Justification = new Justification { Val = JustificationValues.Both },
            },
            Look(BodyFont, Latin, Size3, GridCondensing)),
        ParagraphStyle(TitleStyle, "Title", NormalStyle,
            new StyleParagraphProperties
            {
                KeepNext = new KeepNext(),
                // Off the character grid: a 2号 character is wider than a cell and would be spread over two.
                SnapToGrid = new SnapToGrid { Val = false },
                // Two title lines 35 pt apart: a 2号 title on the 28.95 pt body grid looks cramped.
                SpacingBetweenLines = new SpacingBetweenLines { Line = "700", LineRule = LineSpacingRuleValues.Exact },
                Indentation = NoIndent(),
                Justification = new Justification { Val = JustificationValues.Center },
            },
            Look(TitleFont, Latin, Size2, 0)),
        ParagraphStyle(MastheadStyle, "Masthead", NormalStyle,
            new StyleParagraphProperties
            {
                KeepNext = new KeepNext(),
                Indentation = NoIndent(),
                Justification = new Justification { Val = JustificationValues.Center },
            },
            Look(BodyFont, Latin, Size3)),
        ParagraphStyle(Heading1Style, "heading 1", NormalStyle,
            new StyleParagraphProperties { KeepNext = new KeepNext(), KeepLines = new KeepLines(), OutlineLevel = new OutlineLevel { Val = 0 } },
            Look(Heading1Font, Latin, Size3)),
        ParagraphStyle(Heading2Style, "heading 2", NormalStyle,
            new StyleParagraphProperties { KeepNext = new KeepNext(), KeepLines = new KeepLines(), OutlineLevel = new OutlineLevel { Val = 1 } },
            Look(Heading2Font, Latin, Size3)),
        ParagraphStyle(TableTextStyle, "Table Text", NormalStyle,
            new StyleParagraphProperties
            {
                // Off the grid: table rows are as high as their 小四 text, not a 3号 line.
                SnapToGrid = new SnapToGrid { Val = false },
                SpacingBetweenLines = new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto },
                Indentation = NoIndent(),
                Justification = new Justification { Val = JustificationValues.Left },
            },
            Look(BodyFont, Latin, SizeSmall4, 0)),
        ParagraphStyle(TableHeadingStyle, "Table Heading", TableTextStyle,
            new StyleParagraphProperties { Justification = new Justification { Val = JustificationValues.Center } },
            Look(Heading1Font, Latin, SizeSmall4)),
        ParagraphStyle(FooterStyle, "footer", NormalStyle,
            new StyleParagraphProperties
            {
                SnapToGrid = new SnapToGrid { Val = false },
                SpacingBetweenLines = new SpacingBetweenLines { Line = Twip(PageNumberLine), LineRule = LineSpacingRuleValues.Exact },
                Indentation = NoIndent(),
            },
            Look(PageNumberFont, PageNumberFont, Size4, 0)),
        ParagraphStyle(SignatureStyle, "Signature", NormalStyle,
            new StyleParagraphProperties
            {
                Indentation = new Indentation { Right = Twip(4 * Size3 * 10), RightChars = 400, FirstLine = "0", FirstLineChars = 0 },
                Justification = new Justification { Val = JustificationValues.Right },
            },
            Look(BodyFont, Latin, Size3)),
        ReportTableStyle());

    private static Indentation NoIndent() => new() { FirstLine = "0", FirstLineChars = 0 };

    private static RunFonts FontsOf(string eastAsia, string latin) => new()
    {
        Ascii = latin, HighAnsi = latin, EastAsia = eastAsia, ComplexScript = latin, Hint = FontTypeHintValues.EastAsia,
    };

    /// <summary>A style's fonts and size; <paramref name="condensing"/> (1/20 pt) when it differs from the style it is based on.</summary>
    private static StyleRunProperties Look(string eastAsia, string latin, int size, int? condensing = null) => new()
    {
        RunFonts = FontsOf(eastAsia, latin),
        Spacing = condensing is { } c ? new Spacing { Val = c } : null,
        FontSize = new FontSize { Val = Twip(size) },
        FontSizeComplexScript = new FontSizeComplexScript { Val = Twip(size) },
    };

    private static Style ParagraphStyle(string id, string name, string? basedOn, StyleParagraphProperties paragraph, StyleRunProperties run)
    {
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
        if (id == NormalStyle)
        {
            style.Default = true;
        }

        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn });
        }

        style.Append(new NextParagraphStyle { Val = NormalStyle }, new PrimaryStyle(), paragraph, run);
        return style;
    }

    private static Style ReportTableStyle()
    {
        BorderType Line<TBorder>() where TBorder : BorderType, new() => new TBorder { Val = BorderValues.Single, Size = 4u, Space = 0u, Color = "000000" };
        return new Style(
            new StyleName { Val = "Dispatch Table" },
            new StyleTableProperties(
                new TableBorders(Line<TopBorder>(), Line<LeftBorder>(), Line<BottomBorder>(), Line<RightBorder>(), Line<InsideHorizontalBorder>(), Line<InsideVerticalBorder>()),
                new TableCellMarginDefault(
                    new TopMargin { Width = "28", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 57, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "28", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 57, Type = TableWidthValues.Dxa })))
        {
            Type = StyleValues.Table,
            StyleId = TableStyleId,
        };
    }

    /// <summary>
    /// The fonts with the names Word and LibreOffice fall back to when the 公文 fonts (方正小标宋简体, 仿宋_GB2312,
    /// 楷体_GB2312) are not installed: 宋体/SimSun, 仿宋/FangSong, 楷体/KaiTi, SimHei. Charset 86 is GB2312.
    /// </summary>
    private static Fonts FontTable() => new(
        FontEntry(Latin, null, "00", FontFamilyValues.Roman, FontPitchValues.Variable),
        FontEntry(PageNumberFont, "SimSun", "86", FontFamilyValues.Auto, FontPitchValues.Variable),
        FontEntry(TitleFont, "宋体", "86", FontFamilyValues.Auto, FontPitchValues.Variable),
        FontEntry(BodyFont, "仿宋", "86", FontFamilyValues.Modern, FontPitchValues.Fixed),
        FontEntry("仿宋", "FangSong", "86", FontFamilyValues.Modern, FontPitchValues.Fixed),
        FontEntry(Heading1Font, "SimHei", "86", FontFamilyValues.Modern, FontPitchValues.Variable),
        FontEntry(Heading2Font, "楷体", "86", FontFamilyValues.Modern, FontPitchValues.Fixed),
        FontEntry("楷体", "KaiTi", "86", FontFamilyValues.Modern, FontPitchValues.Fixed));

    private static Font FontEntry(string name, string? altName, string charset, FontFamilyValues family, FontPitchValues pitch)
    {
        var font = new Font { Name = name };
        if (altName is not null)
        {
            font.Append(new AltName { Val = altName });
        }

        font.Append(new FontCharSet { Val = charset }, new FontFamily { Val = family }, new Pitch { Val = pitch });
        return font;
    }
}
