using ActionPlan.Web.Features.Rules;

namespace ActionPlan.Tests.Deadlines;

/// <summary>The warning ladder's boundaries with the default settings (临期 15 days, 紧急 5 days, reminder every 7).</summary>
public sealed class WarningLevelTests
{
    private static readonly DeadlineSettings Defaults = new(15, 5, 7, TimeSpan.FromHours(1));

    [Theory]
    [InlineData("2022-09-30", "2022-09-14", WarningLevel.OnTrack)]      // 16 days left
    [InlineData("2022-09-30", "2022-09-15", WarningLevel.Approaching)]  // 15 days: enters 临期
    [InlineData("2022-09-30", "2022-09-24", WarningLevel.Approaching)]  // 6 days
    [InlineData("2022-09-30", "2022-09-25", WarningLevel.Urgent)]       // 5 days: enters 紧急
    [InlineData("2022-09-30", "2022-09-30", WarningLevel.Urgent)]       // due today
    [InlineData("2022-09-30", "2022-10-01", WarningLevel.Overdue)]      // the day after
    [InlineData("2022-06-30", "2022-06-15", WarningLevel.Approaching)]  // 30 Jun
    [InlineData("2022-12-31", "2022-12-26", WarningLevel.Urgent)]       // 31 Dec
    [InlineData("2022-12-31", "2023-01-01", WarningLevel.Overdue)]      // across the year end
    [InlineData("2023-06-30", "2023-06-15", WarningLevel.Approaching)]  // task 48's 2023 milestone
    [InlineData("2023-06-30", "2022-12-31", WarningLevel.OnTrack)]
    [InlineData("2022-03-31", "2022-03-16", WarningLevel.Approaching)]
    public void Open_milestone_level_follows_the_days_left(string due, string today, WarningLevel expected) =>
        Defaults.LevelOf(DateOnly.Parse(due), false, null, DateOnly.Parse(today)).Should().Be(expected);

    [Fact]
    public void Done_milestone_is_never_flagged_and_late_completion_is_recorded()
    {
        var due = new DateOnly(2022, 9, 30);
        Defaults.LevelOf(due, true, due, new DateOnly(2022, 12, 1)).Should().BeNull("completed the day it is due is on time");
        Defaults.LevelOf(due, true, due.AddDays(-3), new DateOnly(2022, 12, 1)).Should().BeNull();
        Defaults.LevelOf(due, true, due.AddDays(1), new DateOnly(2022, 12, 1)).Should().Be(WarningLevel.CompletedLate);
    }

    [Theory]
    [InlineData("2022-10-01", 0)]
    [InlineData("2022-10-07", 0)]
    [InlineData("2022-10-08", 1)]
    [InlineData("2022-10-14", 1)]
    [InlineData("2022-10-15", 2)]
    public void Overdue_reminders_come_every_seven_days(string today, int occurrence) =>
        Defaults.OverdueOccurrence(new DateOnly(2022, 9, 30), DateOnly.Parse(today)).Should().Be(occurrence);

    [Fact]
    public void Task_shows_its_worst_open_milestone_else_a_late_completion()
    {
        var today = new DateOnly(2022, 9, 20);
        MilestoneRules.TaskLevel(new DateOnly(2022, 9, 1), anyDoneLate: false, Defaults.WindowOn(today)).Should().Be(WarningLevel.Overdue);
        MilestoneRules.TaskLevel(null, anyDoneLate: true, Defaults.WindowOn(today)).Should().Be(WarningLevel.CompletedLate);
        MilestoneRules.TaskLevel(null, anyDoneLate: false, Defaults.WindowOn(today)).Should().BeNull();
    }
}
