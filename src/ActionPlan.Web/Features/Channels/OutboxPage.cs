namespace ActionPlan.Web.Features.Channels;

/// <summary>The newest outbox messages in one state, with how many each state holds.</summary>
public sealed record OutboxPage(IReadOnlyList<OutboxRow> Rows, int Pending, int Sent, int Dead);
