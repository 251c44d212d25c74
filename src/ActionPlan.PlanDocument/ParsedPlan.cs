namespace ActionPlan.PlanDocument;

/// <summary>A plan document as read from its text, before it touches any database.</summary>
public sealed record ParsedPlan(
    PlanHeader Plan,
    IReadOnlyList<ParsedDomain> Domains,
    IReadOnlyList<ParsedTask> Tasks,
    IReadOnlyList<ParsedMeasure> Measures,
    IReadOnlyList<ParseWarning> Warnings);

/// <summary>Title (e.g. 山东省营商环境创新 2022 年行动计划), document number (鲁政办字〔2022〕28号), plan year.</summary>
public sealed record PlanHeader(string Title, string DocumentNumber, int Year)
{
    /// <summary>The plan's stated objective (一、工作目标), kept so nothing of the text is dropped.</summary>
    public string? Objective { get; init; }
}

/// <summary>A numbered domain, （一）开办企业领域 → (1, "开办企业领域").</summary>
public sealed record ParsedDomain(int Number, string Name, int Line);

/// <summary>One numbered task.</summary>
/// <param name="Title">The heading sentence before the first 。.</param>
/// <param name="Text">The task as written after its number, page breaks repaired, without its trailing lead-unit clause.</param>
/// <param name="LeadUnitClause">The raw clause(s) as written, e.g. （牵头单位：省市场监管局）; several joined by a space.</param>
/// <param name="LeadUnits">Each named unit, in the order written, without duplicates.</param>
/// <param name="ResponsibilityNote">省有关部门单位按照职责分工负责 where no unit is named, else null.</param>
/// <param name="Line">1-based line of the task's number in the source text.</param>
public sealed record ParsedTask(
    int Number,
    int DomainNumber,
    string Title,
    string Text,
    string? LeadUnitClause,
    IReadOnlyList<string> LeadUnits,
    string? ResponsibilityNote,
    IReadOnlyList<ParsedMilestone> Milestones,
    IReadOnlyList<ParsedPolicyDate> PolicyDates,
    int Line);

/// <summary>A dated deadline: "9月底前" → 2022-09-30, with the words it governs.</summary>
public sealed record ParsedMilestone(DateOnly Due, string Phrase, string Clause);

/// <summary>A policy validity date ("政策有效期延长至 2025 年 12 月 31 日"): information, not a deadline.</summary>
public sealed record ParsedPolicyDate(DateOnly Date, string Phrase);

/// <summary>One of the closing implementation measures (三、推进措施).</summary>
public sealed record ParsedMeasure(
    int Number,
    string Title,
    string Text,
    string? LeadUnitClause,
    IReadOnlyList<string> LeadUnits,
    int Line);

/// <summary>A place where the parser had to judge, or could not read something.</summary>
/// <param name="Line">1-based source line.</param>
/// <param name="Task">The task number it concerns, if any.</param>
/// <param name="Kind">A stable code, see <see cref="WarningKinds"/>.</param>
/// <param name="Message">Chinese, for the office.</param>
public sealed record ParseWarning(int Line, int? Task, string Kind, string Message);

public static class WarningKinds
{
    public const string NoDeadline = "NoDeadline";
    public const string NoLeadUnit = "NoLeadUnit";
    public const string UnusualClause = "UnusualClause";
    public const string SeveralClauses = "SeveralClauses";
    public const string DescribedUnit = "DescribedUnit";
    public const string JoinedPageBreak = "JoinedPageBreak";
    public const string DateNotDeadline = "DateNotDeadline";
    public const string UnplacedLine = "UnplacedLine";
}

/// <summary>The text is not a plan of this family; <see cref="Line"/> names where reading stopped.</summary>
public sealed class PlanFormatException(int line, string message)
    : Exception(line > 0 ? $"第 {line} 行：{message}" : message)
{
    public int Line { get; } = line;
}
