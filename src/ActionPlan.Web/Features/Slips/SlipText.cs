using ActionPlan.Data.Entities;
using MudBlazor;

namespace ActionPlan.Web.Features.Slips;

/// <summary>The Chinese words and colours of slip levels and states; a colour is never shown without its word.</summary>
public static class SlipText
{
    public static string Label(SlipLevel level) => level switch
    {
        SlipLevel.Blue => "蓝色督办",
        SlipLevel.Yellow => "黄色督办",
        SlipLevel.Red => "红色督办",
        _ => level.ToString(),
    };

    /// <summary>Background and text colours of a level chip (the word is always inside).</summary>
    public static string Style(SlipLevel level) => level switch
    {
        SlipLevel.Blue => "background:#1565c0;color:#fff",
        SlipLevel.Yellow => "background:#f9a825;color:#212121",
        SlipLevel.Red => "background:#c62828;color:#fff",
        _ => "",
    };

    public static string Label(SlipState state) => state switch
    {
        SlipState.Waiting => "待反馈",
        SlipState.Overdue => "逾期未反馈",
        SlipState.Replied => "已反馈",
        SlipState.Escalated => "已升级",
        SlipState.Closed => "已办结",
        _ => state.ToString(),
    };

    public static Color Colour(SlipState state) => state switch
    {
        SlipState.Waiting => Color.Info,
        SlipState.Overdue => Color.Error,
        SlipState.Replied => Color.Success,
        _ => Color.Default,
    };

    /// <summary>The level an escalation moves to; null at 红色.</summary>
    public static SlipLevel? Next(SlipLevel level) => level switch
    {
        SlipLevel.Blue => SlipLevel.Yellow,
        SlipLevel.Yellow => SlipLevel.Red,
        _ => null,
    };

    /// <summary>督办单 第 N 号 (numbered per plan).</summary>
    public static string Number(int number) => $"第 {number} 号";
}
