namespace ActionPlan.Web.Features.Rules;

/// <summary>
/// The dates a milestone is judged against: the as-of day and the last days of the 紧急 and 临期 windows
/// (as-of + UrgentDays, as-of + ApproachingDays). Made by <see cref="DeadlineSettings.WindowOn"/>.
/// </summary>
public sealed record MilestoneWindow(DateOnly AsOf, DateOnly UrgentUntil, DateOnly ApproachingUntil);
