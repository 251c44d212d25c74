namespace ActionPlan.Web.Features.Api;

/// <summary>One page of a list and how many items match in all.</summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);
