namespace ActionPlan.Web.Features.Api;

/// <summary>A domain (领域) of a plan and how many of its tasks the token may read.</summary>
public sealed record ApiDomain(int Id, int Number, string Name, int Tasks);
