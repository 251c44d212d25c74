namespace ActionPlan.Web.Features.Tasks;

/// <summary>
/// The outcome of a save. <see cref="Errors"/> maps a field ("Progress", "Reason", "Milestone2", …) to a
/// Chinese message; <see cref="TheirChanges"/> lists what someone else saved since the form was loaded.
/// </summary>
public sealed record SaveResult(
    SaveOutcome Outcome,
    string Message,
    IReadOnlyDictionary<string, string> Errors,
    IReadOnlyList<AuditView> TheirChanges,
    Guid? Version = null)
{
    public static SaveResult Of(SaveOutcome outcome, string message) => new(outcome, message, new Dictionary<string, string>(), []);
}
