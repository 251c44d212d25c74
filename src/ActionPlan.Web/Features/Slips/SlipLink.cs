using ActionPlan.Data.Entities;

namespace ActionPlan.Web.Features.Slips;

/// <summary>The other end of an escalation: the slip this one came from, or the one it was escalated to.</summary>
public sealed record SlipLink(int Id, int Number, SlipLevel Level);
