using System.Linq.Expressions;
using ActionPlan.Data.Entities;

namespace ActionPlan.Web.Features.Slips;

/// <summary>
/// The one definition of a 督办单's state on a date and of when escalation is suggested. The list filters and
/// counts with these expressions in the database; pages and services call the compiled form; both read the
/// same lines below.
/// </summary>
public static class SlipRules
{
    /// <summary>已办结 before 已升级 before 已反馈; an open slip with a missing reply is 逾期未反馈 only after its reply date.</summary>
    public static readonly Expression<Func<SlipFacts, DateOnly, SlipState>> State = (s, today) =>
        s.ClosedAt != null ? SlipState.Closed
        : s.EscalatedAt != null ? SlipState.Escalated
        : s.Missing == 0 ? SlipState.Replied
        : s.ReplyBy < today ? SlipState.Overdue
        : SlipState.Waiting;

    /// <summary>建议升级: 逾期未反馈 below 红色 (at 红色 there is no next level; the slip stays 逾期).</summary>
    private static readonly Expression<Func<SlipFacts, bool>> Escalatable = s => s.Level != SlipLevel.Red;

    private static readonly Func<SlipFacts, DateOnly, SlipState> CompiledState = State.Compile();
    private static readonly Func<SlipFacts, bool> CompiledEscalatable = Escalatable.Compile();

    public static SlipState StateOf(SlipFacts slip, DateOnly today) => CompiledState(slip, today);

    public static bool SuggestsEscalation(SlipFacts slip, DateOnly today) => StateOf(slip, today) == SlipState.Overdue && CompiledEscalatable(slip);

    /// <summary>The state on <paramref name="today"/> as a query expression (today a query parameter).</summary>
    public static Expression<Func<SlipFacts, SlipState>> StateOn(DateOnly today)
    {
        var slip = State.Parameters[0];
        return Expression.Lambda<Func<SlipFacts, SlipState>>(Bind(State.Body, State.Parameters[1], today), slip);
    }

    /// <summary>Slips in <paramref name="state"/> on <paramref name="today"/>.</summary>
    public static Expression<Func<SlipFacts, bool>> Is(SlipState state, DateOnly today)
    {
        var on = StateOn(today);
        return Expression.Lambda<Func<SlipFacts, bool>>(Expression.Equal(on.Body, Expression.Constant(state)), on.Parameters);
    }

    /// <summary>Slips for which escalation is suggested on <paramref name="today"/>.</summary>
    public static Expression<Func<SlipFacts, bool>> SuggestedOn(DateOnly today)
    {
        var overdue = Is(SlipState.Overdue, today);
        var escalatable = new Replace(Escalatable.Parameters[0], overdue.Parameters[0]).Visit(Escalatable.Body)!;
        return Expression.Lambda<Func<SlipFacts, bool>>(Expression.AndAlso(overdue.Body, escalatable), overdue.Parameters);
    }

    /// <summary>Replaces the date parameter by a captured value, which EF Core sends as a parameter (not a literal per day).</summary>
    private static Expression Bind(Expression body, ParameterExpression parameter, DateOnly today)
    {
        var captured = new Captured(today);
        return new Replace(parameter, Expression.Property(Expression.Constant(captured), nameof(Captured.Value))).Visit(body)!;
    }

    private sealed record Captured(DateOnly Value);

    private sealed class Replace(Expression from, Expression to) : ExpressionVisitor
    {
        public override Expression? Visit(Expression? node) => node == from ? to : base.Visit(node);
    }
}
