namespace ActionPlan.Web.Features.Api;

/// <summary>A plan (行动计划) and how many of its tasks the token may read.</summary>
public sealed record ApiPlan(int Id, string Title, string DocumentNumber, int Year, int Tasks);
