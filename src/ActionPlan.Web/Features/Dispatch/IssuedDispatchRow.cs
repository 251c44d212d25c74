namespace ActionPlan.Web.Features.Dispatch;

/// <summary>An issued 调度通报 in the list: its number, what it covers, who issued it and when.</summary>
public sealed record IssuedDispatchRow(int Number, DateOnly Month, DateOnly AsOf, DateTimeOffset IssuedAt, string IssuerName, string Title, string Summary);

/// <summary>An issued report with its page as stored.</summary>
public sealed record IssuedDispatchView(IssuedDispatchRow Row, string Html);
