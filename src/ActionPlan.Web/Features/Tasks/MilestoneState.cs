using System.Linq.Expressions;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Deadlines;
using Microsoft.EntityFrameworkCore.Query;

namespace ActionPlan.Web.Features.Tasks;

/// <summary>
/// What the dashboard counts about milestones, as of a date. The list's <c>ms=</c> filter and the
/// dashboard's counts use these same definitions (tests hold them equal).
/// </summary>
public enum MilestoneState
{
    /// <summary>已到期: due on or before the date, done or not.</summary>
    Due,

    /// <summary>按时完成: done on or before its due date (early completions included).</summary>
    OnTime,

    /// <summary>逾期完成: done after its due date.</summary>
    Late,

    /// <summary>临期: open, due after the urgent window and within the approaching window.</summary>
    Approaching,

    /// <summary>紧急: open, due from the date to the end of the urgent window.</summary>
    Urgent,

    /// <summary>逾期未完成: open and past its due date.</summary>
    Overdue,

    /// <summary>待完成: open and not overdue (due on or after the date; one due that day is also 已到期).</summary>
    Pending,
}

public static class MilestoneStates
{
    public static string Label(MilestoneState state) => state switch
    {
        MilestoneState.Due => "已到期",
        MilestoneState.OnTime => "按时完成",
        MilestoneState.Late => "逾期完成",
        MilestoneState.Approaching => "临期",
        MilestoneState.Urgent => "紧急",
        MilestoneState.Overdue => "逾期未完成",
        MilestoneState.Pending => "待完成",
        _ => state.ToString(),
    };

    /// <summary>
    /// Milestones in <paramref name="state"/> (any when null) due within <paramref name="month"/> (any when
    /// null), as of <paramref name="asOf"/>: a milestone counts as done only if done on or before that date.
    /// </summary>
    public static Expression<Func<Milestone, bool>> Predicate(MilestoneState? state, DateOnly? month, DateOnly asOf, DeadlineSettings settings)
    {
        var urgentUntil = asOf.AddDays(settings.UrgentDays);
        var approachingUntil = asOf.AddDays(settings.ApproachingDays);
        Expression<Func<Milestone, bool>> inState = state switch
        {
            MilestoneState.Due => x => x.Due <= asOf,
            MilestoneState.OnTime => x => x.IsDone && x.CompletedOn <= asOf && x.CompletedOn <= x.Due,
            MilestoneState.Late => x => x.IsDone && x.CompletedOn <= asOf && x.CompletedOn > x.Due,
            MilestoneState.Approaching => x => !(x.IsDone && x.CompletedOn <= asOf) && x.Due > urgentUntil && x.Due <= approachingUntil,
            MilestoneState.Urgent => x => !(x.IsDone && x.CompletedOn <= asOf) && x.Due >= asOf && x.Due <= urgentUntil,
            MilestoneState.Overdue => x => !(x.IsDone && x.CompletedOn <= asOf) && x.Due < asOf,
            MilestoneState.Pending => x => !(x.IsDone && x.CompletedOn <= asOf) && x.Due >= asOf,
            _ => x => true,
        };
        if (month is not { } from)
        {
            return inState;
        }

        var to = from.AddMonths(1).AddDays(-1);
        Expression<Func<Milestone, bool>> inMonth = x => x.Due >= from && x.Due <= to;
        if (state is null)
        {
            return inMonth;
        }

        var body = Expression.AndAlso(inMonth.Body, ReplacingExpressionVisitor.Replace(inState.Parameters[0], inMonth.Parameters[0], inState.Body));
        return Expression.Lambda<Func<Milestone, bool>>(body, inMonth.Parameters);
    }
}
