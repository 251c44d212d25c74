namespace ActionPlan.Web.Features.Audit;

/// <summary>One changed field, old → new, as the audit trail keeps it (values as text).</summary>
public readonly record struct AuditChange(AuditField Field, string? OldValue, string? NewValue)
{
    /// <summary>The milestone's position when <see cref="Field"/> is <see cref="AuditField.Milestone"/>; null otherwise.</summary>
    public int? Position { get; init; }

    public static AuditChange OfMilestone(int position, string? oldValue, string? newValue) =>
        new(AuditField.Milestone, oldValue, newValue) { Position = position };

    /// <summary>The field's name in <c>AuditEntries.Field</c>.</summary>
    public string StoredField => AuditNames.Of(Field, Position);
}
