namespace ActionPlan.Web.Features.Rules;

public static class WarningText
{
    public static string Label(WarningLevel level) => level switch
    {
        WarningLevel.OnTrack => "正常",
        WarningLevel.Approaching => "临期",
        WarningLevel.Urgent => "紧急",
        WarningLevel.Overdue => "逾期",
        WarningLevel.CompletedLate => "逾期完成",
        _ => level.ToString(),
    };

    /// <summary>One colour per level everywhere; always shown with the word, never colour alone.</summary>
    public static string Style(WarningLevel level) => level switch
    {
        WarningLevel.OnTrack => "background:#e8f5e9;color:#1b5e20",
        WarningLevel.Approaching => "background:#fff8e1;color:#8a6100",
        WarningLevel.Urgent => "background:#fff3e0;color:#b34700",
        WarningLevel.Overdue => "background:#ffebee;color:#b71c1c",
        WarningLevel.CompletedLate => "background:#f3e5e5;color:#7b3b3b",
        _ => "",
    };
}
