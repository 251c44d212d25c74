namespace ActionPlan.Web.Features.Tasks;

/// <summary>A recorded change as the timeline shows it.</summary>
public sealed record AuditView(long Id, DateTimeOffset At, string Actor, string Action, string? Field, string? OldValue, string? NewValue, string? Reason);
