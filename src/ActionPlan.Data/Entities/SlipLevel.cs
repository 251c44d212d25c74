namespace ActionPlan.Data.Entities;

/// <summary>督办单 colour, least severe first: 蓝色 → 黄色 → 红色. An escalation moves one step up.</summary>
public enum SlipLevel
{
    Blue = 1,
    Yellow = 2,
    Red = 3,
}
