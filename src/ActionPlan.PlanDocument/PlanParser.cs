using System.Text;
using System.Text.RegularExpressions;

namespace ActionPlan.PlanDocument;

/// <summary>
/// Reads a provincial action-plan text (a PDF conversion) into domains, tasks, lead units and dated
/// milestones. Every judgement it makes is reported as a <see cref="ParseWarning"/>; input that is not a
/// plan of this family throws <see cref="PlanFormatException"/> naming the line, never a partial result.
/// </summary>
public static partial class PlanParser
{
    public static ParsedPlan Parse(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length == 0)
        {
            throw new PlanFormatException(0, "文件为空，不是行动计划文本。");
        }

        var nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
        {
            throw new PlanFormatException(LineOfByte(bytes, nul), "文件含有二进制内容，不是文本文件。");
        }

        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            var at = ex.Index >= 0 ? LineOfByte(bytes, Math.Min(ex.Index, bytes.Length - 1)) : 1;
            throw new PlanFormatException(at, "文件不是 UTF-8 编码的文本。");
        }

        return Parse(text);
    }

    public static ParsedPlan Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new PlanFormatException(0, "文件为空，不是行动计划文本。");
        }

        var control = text.IndexOfAny(ControlChars);
        if (control >= 0)
        {
            throw new PlanFormatException(LineOfChar(text, control), "文件含有控制字符，不是文本文件。");
        }

        return new DocumentReader(text).Read();
    }

    private static readonly char[] ControlChars =
        Enumerable.Range(0, 32).Where(c => c is not ('\n' or '\r' or '\t' or '\f')).Select(c => (char)c).ToArray();

    private static int LineOfByte(byte[] bytes, int index) => 1 + bytes.AsSpan(0, index).Count((byte)'\n');

    private static int LineOfChar(string text, int index) => 1 + text.AsSpan(0, index).Count('\n');

    // ---- patterns -------------------------------------------------------------------------------

    [GeneratedRegex(@"^(?<num>\d{1,3})\s*[.．](?!\d)\s*(?<rest>.*)$")]
    private static partial Regex TaskStart();

    [GeneratedRegex(@"^[#＃\s*]*[（(]\s*(?<num>[一二三四五六七八九十]{1,3})\s*[）)]\s*(?<rest>.*?)[\s*]*$")]
    private static partial Regex NumberedHeading();

    [GeneratedRegex(@"^[#＃\s*]*(?<num>[一二三四五六七八九十]{1,3})\s*、\s*(?<name>.+?)[\s*。]*$")]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"^\S{1,12}?[〔\[（(【]\s*(?<year>\d{4})\s*[〕\]）)】]\s*\d{1,4}\s*号$")]
    private static partial Regex DocumentNumberLine();

    [GeneratedRegex(@"(?<year>\d{4})\s*年")]
    private static partial Regex YearInTitle();

    /// <summary>A bracketed group without nested brackets.</summary>
    [GeneratedRegex(@"[（(〔【]\s*(?<body>[^（()）〔〕【】]+?)\s*[）)〕】]")]
    private static partial Regex BracketGroup();

    [GeneratedRegex(@"^(?<label>[^：:]{1,12})[：:]\s*(?<units>.+)$")]
    private static partial Regex LabelledClause();

    /// <summary>
    /// Dates in a task's text, leftmost first. Policy dates come first in the alternation so that
    /// "政策有效期延长至 2025 年 12 月 31 日" is never read as a deadline.
    /// </summary>
    [GeneratedRegex(
        @"(?<policy>政策(?:有效期|执行期)[^。；，]{0,20}?至\s*(?<py>\d{4})\s*年\s*(?<pm>\d{1,2})\s*月\s*(?<pd>\d{1,2})\s*日)" +
        @"|(?<yme>(?:从\s*\d{4}\s*年\s*(?:\d{1,2}\s*月\s*)?(?:到|至)\s*)?(?<y1>\d{4})\s*年\s*(?<m1>\d{1,2})\s*月\s*底前?)" +
        @"|(?<yday>(?<y2>\d{4})\s*年\s*(?<m2>\d{1,2})\s*月\s*(?<d2>\d{1,2})\s*日\s*以?前)" +
        @"|(?<me>(?<![\d.．])(?<m3>\d{1,2})\s*月\s*底前?)" +
        @"|(?<mday>(?<![\d.．])(?<m4>\d{1,2})\s*月\s*(?<d4>\d{1,2})\s*日\s*以?前)" +
        @"|(?<yearend>(?<![\d\s])年底(?:前)?)" +
        @"|(?<other>(?:\d{4}\s*年\s*)?(?<![\d.．])\d{1,2}\s*月\s*(?:\d{1,2}\s*日)?)")]
    private static partial Regex DatePhrase();

    [GeneratedRegex(@"[。；;]")]
    private static partial Regex SentenceEnd();

    private const string SentenceEndChars = "。；！？）)〕”」】;!?";

    // ---- reader ---------------------------------------------------------------------------------

    private enum Section { Header, Preamble, Tasks, Measures, Other }

    /// <summary>Text of one item (task, measure, objective) as it accumulates, with the source line of each piece.</summary>
    private sealed class ItemText(int line)
    {
        private readonly StringBuilder _text = new();
        private readonly List<(int Offset, int Line)> _lines = [(0, line)];

        public int Line { get; } = line;

        public string Value => _text.ToString();

        /// <returns>True when the piece was joined as the rest of a sentence broken by a page.</returns>
        public bool Append(string piece, int line)
        {
            if (_text.Length == 0)
            {
                _text.Append(piece);
                return false;
            }

            var brokenSentence = !SentenceEndChars.Contains(_text[^1]);
            if (!brokenSentence)
            {
                _text.Append('\n');
            }

            _lines.Add((_text.Length, line));
            _text.Append(piece);
            return brokenSentence;
        }

        public int LineAt(int offset)
        {
            var line = Line;
            foreach (var (start, l) in _lines)
            {
                if (start > offset)
                {
                    break;
                }

                line = l;
            }

            return line;
        }
    }

    private sealed record PendingTask(int Number, int DomainNumber, ItemText Text);

    private sealed record PendingMeasure(int Number, ItemText Text);

    private sealed class DocumentReader(string source)
    {
        private readonly string[] _lines = source.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        private readonly List<ParseWarning> _warnings = [];
        private readonly List<ParsedDomain> _domains = [];
        private readonly List<PendingTask> _tasks = [];
        private readonly List<PendingMeasure> _measures = [];
        private string? _title;
        private int _titleLine;
        private string? _documentNumber;
        private int? _documentYear;
        private ItemText? _objective;
        private ItemText? _current;
        private int? _currentTask;
        private Section _section = Section.Header;

        public ParsedPlan Read()
        {
            for (var i = 0; i < _lines.Length; i++)
            {
                var lineNo = i + 1;
                var line = _lines[i].Trim().Trim('\u3000').Trim();
                if (line.Length == 0)
                {
                    continue;
                }

                ReadLine(line, lineNo);
            }

            return Finish();
        }

        private void ReadLine(string line, int lineNo)
        {
            if (_title is null)
            {
                _title = StripMarks(line);
                _titleLine = lineNo;
                if (_title.Length == 0 || _title.Length > 80)
                {
                    throw new PlanFormatException(lineNo, "第一行应为计划标题。");
                }

                return;
            }

            if (_documentNumber is null && _section == Section.Header)
            {
                var doc = DocumentNumberLine().Match(line);
                if (doc.Success)
                {
                    _documentNumber = line;
                    _documentYear = TryNumber(doc.Groups["year"].Value, out var docYear) ? docYear : null;
                    _section = Section.Preamble;
                    return;
                }

                throw new PlanFormatException(lineNo, "标题之后应为文号（如 鲁政办字〔2022〕28号）。");
            }

            var section = SectionHeading().Match(line);
            if (section.Success && section.Groups["name"].Value.Length <= 20 && !section.Groups["name"].Value.Contains('。'))
            {
                StartSection(section.Groups["name"].Value.Trim('*', ' '), lineNo);
                return;
            }

            var heading = NumberedHeading().Match(line);
            if (heading.Success && _section != Section.Measures && IsDomainName(heading.Groups["rest"].Value))
            {
                StartDomain(heading, lineNo);
                return;
            }

            if (heading.Success && _section == Section.Measures)
            {
                StartMeasure(heading, lineNo);
                return;
            }

            var task = TaskStart().Match(line);
            if (task.Success && _section is Section.Tasks or Section.Preamble)
            {
                StartTask(task, lineNo);
                return;
            }

            Continue(line, lineNo);
        }

        private void StartSection(string name, int lineNo)
        {
            _current = null;
            _currentTask = null;
            if (name.Contains("措施"))
            {
                if (_tasks.Count == 0)
                {
                    throw new PlanFormatException(lineNo, "推进措施之前未找到任何编号任务。");
                }

                _section = Section.Measures;
            }
            else if (name.Contains("任务"))
            {
                _section = Section.Tasks;
            }
            else if (name.Contains("目标") && _objective is null)
            {
                _section = Section.Preamble;
                _objective = new ItemText(lineNo + 1);
                _current = _objective;
            }
            else
            {
                _section = _tasks.Count == 0 ? Section.Preamble : Section.Other;
                Warn(lineNo, null, WarningKinds.UnplacedLine, $"未识别的章节“{name}”，其下文字未导入。");
            }
        }

        private void StartDomain(Match heading, int lineNo)
        {
            if (_section == Section.Other)
            {
                throw new PlanFormatException(lineNo, "领域标题出现在任务章节之外。");
            }

            var number = ChineseNumber(heading.Groups["num"].Value, lineNo);
            var expected = _domains.Count + 1;
            if (number != expected)
            {
                throw new PlanFormatException(lineNo,
                    number <= _domains.Count
                        ? $"领域编号（{heading.Groups["num"].Value}）重复，应为第 {expected} 个领域。"
                        : $"领域编号不连续：此处为（{heading.Groups["num"].Value}），应为第 {expected} 个领域。");
            }

            if (_domains.Count > 0 && _tasks.Count > 0 && _tasks[^1].DomainNumber != _domains[^1].Number)
            {
                throw new PlanFormatException(lineNo, $"领域（{_domains[^1].Number}）{_domains[^1].Name}下没有任何任务。");
            }

            var name = heading.Groups["rest"].Value.Trim().TrimEnd('。', '.', '*', ' ');
            _domains.Add(new ParsedDomain(number, name, lineNo));
            _section = Section.Tasks;
            _current = null;
            _currentTask = null;
        }

        private void StartTask(Match task, int lineNo)
        {
            TryNumber(task.Groups["num"].Value, out var number);
            if (_domains.Count == 0)
            {
                throw new PlanFormatException(lineNo, $"任务 {number} 出现在任何领域标题之前。");
            }

            var expected = _tasks.Count + 1;
            if (number != expected)
            {
                throw new PlanFormatException(lineNo,
                    number < expected
                        ? $"任务编号 {number} 重复（上一个任务是 {expected - 1}）。"
                        : $"任务编号不连续：此处为 {number}，应为 {expected}。");
            }

            var text = new ItemText(lineNo);
            text.Append(task.Groups["rest"].Value.Trim(), lineNo);
            _tasks.Add(new PendingTask(number, _domains[^1].Number, text));
            _current = text;
            _currentTask = number;
        }

        private void StartMeasure(Match heading, int lineNo)
        {
            var number = ChineseNumber(heading.Groups["num"].Value, lineNo);
            var expected = _measures.Count + 1;
            if (number != expected)
            {
                throw new PlanFormatException(lineNo, $"推进措施编号不连续：此处为（{heading.Groups["num"].Value}），应为第 {expected} 条。");
            }

            var text = new ItemText(lineNo);
            text.Append(heading.Groups["rest"].Value.Trim(), lineNo);
            _measures.Add(new PendingMeasure(number, text));
            _current = text;
            _currentTask = null;
        }

        private void Continue(string line, int lineNo)
        {
            if (_current is null)
            {
                if (_section == Section.Tasks && _domains.Count > 0 && _tasks.Count > 0 && TaskStart().IsMatch(line))
                {
                    throw new PlanFormatException(lineNo, "无法识别的任务行。");
                }

                Warn(lineNo, null, WarningKinds.UnplacedLine, $"无法归入任何任务或措施的文字，未导入：“{Excerpt(line)}”");
                return;
            }

            if (_current.Append(line, lineNo))
            {
                Warn(lineNo, _currentTask, WarningKinds.JoinedPageBreak,
                    $"上一行在句中断开（分页），已与本行“{Excerpt(line, 12)}”拼接为一句。");
            }
        }

        private void Warn(int line, int? task, string kind, string message) =>
            _warnings.Add(new ParseWarning(line, task, kind, message));

        private ParsedPlan Finish()
        {
            var lastLine = _lines.Length;
            if (_documentNumber is null)
            {
                throw new PlanFormatException(lastLine, "未找到文号（如 鲁政办字〔2022〕28号），不是行动计划文本。");
            }

            if (_domains.Count == 0)
            {
                throw new PlanFormatException(lastLine, "读到文件末尾仍未找到领域标题（如 （一）开办企业领域），不是行动计划文本。");
            }

            if (_tasks.Count == 0 || _tasks[^1].DomainNumber != _domains[^1].Number)
            {
                throw new PlanFormatException(lastLine, $"领域（{_domains[^1].Number}）{_domains[^1].Name}下没有任何任务。");
            }

            var year = _documentYear ?? 0;
            var titleYear = YearInTitle().Match(_title!);
            if (titleYear.Success && TryNumber(titleYear.Groups["year"].Value, out var planYear) && planYear != year)
            {
                Warn(_titleLine, null, WarningKinds.UnplacedLine,
                    $"标题中的年份 {planYear} 与文号年份 {year} 不一致，按标题年份作为计划年度。");
                year = planYear;
            }

            var tasks = _tasks.Select(t => BuildTask(t, year)).ToList();
            var measures = _measures.Select(BuildMeasure).ToList();
            var header = new PlanHeader(_title!, _documentNumber, year) { Objective = _objective?.Value is { Length: > 0 } o ? o : null };
            var warnings = _warnings.OrderBy(w => w.Line).ToList();
            return new ParsedPlan(header, _domains, tasks, measures, warnings);
        }

        private ParsedTask BuildTask(PendingTask task, int year)
        {
            var full = task.Text.Value;
            var clauses = ReadClauses(full, task.Text, task.Number);
            var text = clauses.TextWithoutTrailingClause;
            var title = TitleOf(text, task.Text.Line, task.Number);
            var (milestones, policyDates) = ReadDates(text, year, task.Text, task.Number);

            if (clauses.Units.Count == 0 && clauses.ResponsibilityNote is null && clauses.SupportingUnits.Count > 0)
            {
                Warn(task.Text.Line, task.Number, WarningKinds.NoLeadUnit, "只写明了配合单位，未找到牵头单位，需人工确认责任单位。");
            }
            else if (clauses.Units.Count == 0 && clauses.ResponsibilityNote is null)
            {
                Warn(task.Text.Line, task.Number, WarningKinds.NoLeadUnit, "未找到牵头单位条款，需人工确认责任单位。");
            }

            if (milestones.Count == 0)
            {
                Warn(task.Text.Line, task.Number, WarningKinds.NoDeadline, "任务未写明时间节点，不生成预警节点。");
            }

            return new ParsedTask(task.Number, task.DomainNumber, title, text, clauses.RawClause, clauses.Units,
                clauses.ResponsibilityNote, milestones, policyDates, task.Text.Line)
            { SupportingUnits = clauses.SupportingUnits };
        }

        private ParsedMeasure BuildMeasure(PendingMeasure measure)
        {
            var clauses = ReadClauses(measure.Text.Value, measure.Text, null);
            var text = clauses.TextWithoutTrailingClause;
            return new ParsedMeasure(measure.Number, TitleOf(text, measure.Text.Line, null), text, clauses.RawClause,
                clauses.Units, measure.Text.Line);
        }

        private string TitleOf(string text, int line, int? task)
        {
            var end = text.IndexOf('。');
            if (end > 0)
            {
                return text[..end].Trim();
            }

            Warn(line, task, WarningKinds.UnplacedLine, "未找到以“。”结束的标题句，以首行作为标题。");
            var firstLine = text.Split('\n')[0].Trim();
            return firstLine.Length > 60 ? firstLine[..60] : firstLine;
        }

        private sealed record Clauses(
            string TextWithoutTrailingClause, string? RawClause, IReadOnlyList<string> Units, IReadOnlyList<string> SupportingUnits, string? ResponsibilityNote);

        /// <summary>One labelled part of a bracketed clause: 牵头单位：… or 配合单位：….</summary>
        private sealed record UnitList(string Label, bool Supporting, string Units);

        /// <summary>
        /// The labelled parts of a bracket body such as 牵头单位：省发展改革委；配合单位：省财政厅. A part without a
        /// label of its own (牵头单位：A；B) continues the previous one. Null when the body names no units.
        /// </summary>
        private static List<UnitList>? UnitListsOf(string body)
        {
            var lists = new List<UnitList>();
            foreach (var part in body.Split(ClauseSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var labelled = LabelledClause().Match(part);
                var label = labelled.Success ? labelled.Groups["label"].Value.Trim() : null;
                if (label is not null && (IsLeadLabel(label) || IsSupportingLabel(label)))
                {
                    lists.Add(new UnitList(label, !IsLeadLabel(label), labelled.Groups["units"].Value));
                }
                else if (lists.Count > 0)
                {
                    lists[^1] = lists[^1] with { Units = lists[^1].Units + "；" + part };
                }
                else
                {
                    return null;
                }
            }

            return lists.Count > 0 ? lists : null;
        }

        private Clauses ReadClauses(string full, ItemText source, int? task)
        {
            var raw = new List<string>();
            var units = new List<string>();
            var supporting = new List<string>();
            string? note = null;
            var text = full.TrimEnd();

            var groups = BracketGroup().Matches(text);
            var unitGroups = new List<(Match Group, List<UnitList> Lists)>();
            foreach (Match group in groups)
            {
                if (UnitListsOf(group.Groups["body"].Value) is { } lists)
                {
                    unitGroups.Add((group, lists));
                }
            }

            // The unit clauses that close the text (（牵头单位：…）（配合单位：…）) are cut from it.
            var trailingStart = text.Length;
            for (var i = unitGroups.Count - 1; i >= 0 && unitGroups[i].Group.Index + unitGroups[i].Group.Length == trailingStart; i--)
            {
                trailingStart = text[..unitGroups[i].Group.Index].TrimEnd().Length;
            }

            var last = groups.Count > 0 ? groups[^1] : null;
            var lastEndsText = last is not null && last.Index + last.Length == text.Length;
            if (lastEndsText && !unitGroups.Any(g => g.Group == last) && IsResponsibilityNote(last!.Groups["body"].Value))
            {
                note = last.Groups["body"].Value.Trim();
                raw.Add(last.Value);
                trailingStart = last.Index;
                Warn(source.LineAt(last.Index), task, WarningKinds.NoLeadUnit, $"未写明牵头单位（{note}），由省营转办统筹。");
            }

            foreach (var (group, lists) in unitGroups)
            {
                var line = source.LineAt(group.Index);
                raw.Add(group.Value);
                foreach (var list in lists)
                {
                    if (!list.Supporting && list.Label is not ("牵头单位" or "责任单位"))
                    {
                        Warn(line, task, WarningKinds.UnusualClause, $"条款写作“{list.Label}”而非“牵头单位”，按牵头单位读取。");
                    }

                    foreach (var unit in list.Units.Split(UnitSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    {
                        var into = list.Supporting ? supporting : units;
                        if (into.Contains(unit))
                        {
                            continue;
                        }

                        into.Add(unit);
                        if (IsDescribedUnit(unit))
                        {
                            var role = list.Supporting ? "配合单位" : "牵头单位";
                            Warn(line, task, WarningKinds.DescribedUnit, $"{role}“{unit}”是对一类单位的描述而非具体单位，按原文保留。");
                        }
                    }
                }
            }

            // A unit named both as lead and as supporting leads: it answers for the task.
            foreach (var both in supporting.Where(units.Contains).ToList())
            {
                supporting.Remove(both);
                Warn(source.LineAt(unitGroups[0].Group.Index), task, WarningKinds.UnusualClause, $"“{both}”同时列为牵头单位和配合单位，按牵头单位读取。");
            }

            var leadGroups = unitGroups.Where(g => g.Lists.Any(l => !l.Supporting)).ToList();
            if (leadGroups.Count > 1)
            {
                Warn(source.LineAt(leadGroups[1].Group.Index), task, WarningKinds.SeveralClauses,
                    $"任务含 {leadGroups.Count} 个牵头单位条款，分别对应不同工作内容；牵头单位已合并：{string.Join("、", units)}。");
            }

            var body = text[..trailingStart].TrimEnd();
            return new Clauses(body, raw.Count > 0 ? string.Join(" ", raw) : null, units, supporting, note);
        }

        private (List<ParsedMilestone>, List<ParsedPolicyDate>) ReadDates(string text, int year, ItemText source, int task)
        {
            var found = new List<(Match Match, DateOnly Due)>();
            var targets = new List<int>();
            var policy = new List<ParsedPolicyDate>();
            foreach (Match m in DatePhrase().Matches(text))
            {
                var line = source.LineAt(m.Index);
                if (m.Groups["policy"].Success)
                {
                    if (TryDate(m.Groups["py"].Value, m.Groups["pm"].Value, m.Groups["pd"].Value, out var date))
                    {
                        policy.Add(new ParsedPolicyDate(date, m.Value));
                    }
                    else
                    {
                        Warn(line, task, WarningKinds.DateNotDeadline, $"政策期限“{m.Value}”不是有效日期，未记录。");
                    }

                    continue;
                }

                DateOnly due;
                bool ok;
                if (m.Groups["yme"].Success)
                {
                    ok = TryMonthEnd(m.Groups["y1"].Value, m.Groups["m1"].Value, out due);
                }
                else if (m.Groups["yday"].Success)
                {
                    ok = TryDate(m.Groups["y2"].Value, m.Groups["m2"].Value, m.Groups["d2"].Value, out due);
                }
                else if (m.Groups["me"].Success)
                {
                    ok = TryMonthEnd(year.ToString(), m.Groups["m3"].Value, out due);
                }
                else if (m.Groups["mday"].Success)
                {
                    ok = TryDate(year.ToString(), m.Groups["m4"].Value, m.Groups["d4"].Value, out due);
                }
                else if (m.Groups["yearend"].Success)
                {
                    Warn(line, task, WarningKinds.DateNotDeadline, $"“{m.Value}”未写明月份，视为年度目标，不作为时间节点。");
                    targets.Add(m.Index);
                    continue;
                }
                else
                {
                    Warn(line, task, WarningKinds.DateNotDeadline, $"日期“{m.Value.Trim()}”不是“…前”形式的期限，不作为时间节点。");
                    continue;
                }

                if (!ok)
                {
                    Warn(line, task, WarningKinds.DateNotDeadline, $"“{m.Value}”不是有效日期，未作为时间节点。");
                    continue;
                }

                found.Add((m, due));
            }

            var milestones = new List<ParsedMilestone>(found.Count);
            for (var i = 0; i < found.Count; i++)
            {
                var (m, due) = found[i];
                // A clause ends where the next deadline, or a year-end target, begins.
                var nextStart = found.Skip(i + 1).Select(f => f.Match.Index).Concat(targets)
                    .Where(at => at > m.Index).DefaultIfEmpty(text.Length).Min();
                milestones.Add(new ParsedMilestone(due, m.Value.Trim(), ClauseOf(text, m, nextStart)));
            }

            return (milestones, policy);
        }

        /// <summary>The words a deadline governs: what follows it up to the sentence end or the next deadline.</summary>
        private static string ClauseOf(string text, Match phrase, int nextPhrase)
        {
            var start = phrase.Index + phrase.Length;
            while (start < text.Length && (char.IsWhiteSpace(text[start]) || text[start] is '，' or ',' or '：' or ':'))
            {
                start++;
            }

            var end = SentenceEnd().Match(text, start) is { Success: true } s ? s.Index : text.Length;
            end = Math.Min(end, nextPhrase);
            var clause = text[start..end].Trim().TrimEnd('，', ',', '、', ' ', '\n');
            if (clause.Length > 0)
            {
                return clause.Replace("\n", "");
            }

            // The deadline closes its sentence ("…，12月底前。"): it governs what came before it.
            var sentenceStart = text.LastIndexOfAny(['。', '；', '\n'], Math.Max(0, phrase.Index - 1)) + 1;
            return text[sentenceStart..phrase.Index].Trim().TrimEnd('，', ',', ' ');
        }
    }

    // ---- small helpers --------------------------------------------------------------------------

    private static readonly char[] UnitSeparators = ['、', '，', ',', '；', ';'];

    /// <summary>Parts of one bracket body: 牵头单位：…；配合单位：….</summary>
    private static readonly char[] ClauseSeparators = ['；', ';'];

    /// <summary>
    /// 责任单位 and 负责单位 name the units that answer for a task in this family of plans: read as lead units.
    /// </summary>
    private static bool IsLeadLabel(string label) => label.Contains("牵头") || label.Contains("责任单位") || label.Contains("负责单位");

    /// <summary>配合单位, 协同单位, 参与单位: units that help but do not answer for the task.</summary>
    private static bool IsSupportingLabel(string label) => label.Contains("配合") || label.Contains("协同") || label.Contains("参与") || label.Contains("协办");

    private static bool IsResponsibilityNote(string body) =>
        body.Contains("负责") && !body.Contains('：') && !body.Contains(':');

    private static bool IsDescribedUnit(string unit) =>
        unit.Contains("相关") || unit.Contains("有关") || unit.EndsWith("单位", StringComparison.Ordinal);

    private static bool IsDomainName(string rest)
    {
        var name = rest.Trim().TrimEnd('。', '.', '*', ' ');
        return name.Length is > 0 and <= 30 && !name.Contains('。') && !name.Contains('，');
    }

    private static string StripMarks(string line) => line.Trim('#', '＃', '*', ' ', '\u3000');

    private static string Excerpt(string line, int max = 30) => line.Length <= max ? line : line[..max] + "…";

    private static bool TryMonthEnd(string year, string month, out DateOnly due)
    {
        due = default;
        if (!TryNumber(year, out var y) || !TryNumber(month, out var m) || m is < 1 or > 12 || y is < 1900 or > 2200)
        {
            return false;
        }

        due = new DateOnly(y, m, DateTime.DaysInMonth(y, m));
        return true;
    }

    private static bool TryDate(string year, string month, string day, out DateOnly date)
    {
        date = default;
        if (!TryNumber(year, out var y) || !TryNumber(month, out var m) || !TryNumber(day, out var d) ||
            m is < 1 or > 12 || y is < 1900 or > 2200 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return false;
        }

        date = new DateOnly(y, m, d);
        return true;
    }

    private static int ChineseNumber(string text, int line)
    {
        const string digits = "一二三四五六七八九";
        var ten = text.IndexOf('十');
        if (ten < 0)
        {
            return text.Length == 1 ? digits.IndexOf(text[0]) + 1 : throw new PlanFormatException(line, $"无法识别的编号“{text}”。");
        }

        var tens = ten == 0 ? 1 : digits.IndexOf(text[0]) + 1;
        var units = ten == text.Length - 1 ? 0 : digits.IndexOf(text[^1]) + 1;
        return tens * 10 + units;
    }

    /// <summary>Parses ASCII or full-width digits.</summary>
    private static bool TryNumber(string digits, out int value)
    {
        value = 0;
        foreach (var c in digits)
        {
            var d = (int)char.GetNumericValue(c);
            if (d is < 0 or > 9 || !char.IsDigit(c))
            {
                return false;
            }

            value = value * 10 + d;
        }

        return digits.Length > 0;
    }
}
