using ActionPlan.Data.Entities;

namespace ActionPlan.Web.Features.Slips;

/// <summary>One slip in a list: its task, level, state on the day, and who has replied.</summary>
public sealed record SlipRow(int Id, int Number, SlipLevel Level, SlipState State, bool EscalationSuggested, int TaskNumber, string TaskTitle, string? Milestone,
    string Matter, DateOnly ReplyBy, DateTimeOffset IssuedAt, string IssuedBy, int Recipients, int Replied, IReadOnlyList<string> Units);
