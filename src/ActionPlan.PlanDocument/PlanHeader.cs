namespace ActionPlan.PlanDocument;

/// <summary>Title (e.g. 山东省营商环境创新 2022 年行动计划), document number (鲁政办字〔2022〕28号), plan year.</summary>
public sealed record PlanHeader(string Title, string DocumentNumber, int Year)
{
    /// <summary>The plan's stated objective (一、工作目标), kept so nothing of the text is dropped.</summary>
    public string? Objective { get; init; }
}
