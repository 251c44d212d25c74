namespace ActionPlan.PlanDocument;

/// <summary>The text is not a plan of this family; <see cref="Line"/> names where reading stopped.</summary>
public sealed class PlanFormatException(int line, string message)
    : Exception(line > 0 ? $"第 {line} 行：{message}" : message)
{
    public int Line { get; } = line;
}
