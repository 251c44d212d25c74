namespace ActionPlan.PlanDocument;

/// <summary>A place where the parser had to judge, or could not read something.</summary>
/// <param name="Line">1-based source line.</param>
/// <param name="Task">The task number it concerns, if any.</param>
/// <param name="Kind">A stable code, see <see cref="WarningKinds"/>.</param>
/// <param name="Message">Chinese, for the office.</param>
public sealed record ParseWarning(int Line, int? Task, string Kind, string Message);
