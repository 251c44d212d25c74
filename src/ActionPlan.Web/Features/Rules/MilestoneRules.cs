using System.Linq.Expressions;
using ActionPlan.Data.Entities;

namespace ActionPlan.Web.Features.Rules;

/// <summary>
/// The one definition of "what state is this milestone in on date D". Each state is written once, as an
/// expression over the milestone and a <see cref="MilestoneWindow"/>; from it come
/// <list type="bullet">
/// <item>the C# answer (<see cref="Is(Milestone, MilestoneState, MilestoneWindow)"/>, compiled from the expression),</item>
/// <item>LINQ for EF Core: write <c>m.Is(state, window)</c> inside a query lambda and pass the lambda
/// through <see cref="Expand{T}"/>, which inlines the definition, so the database evaluates it,</item>
/// <item>SQL for the set-based statements (<see cref="MilestoneSql"/> translates the same expression).</item>
/// </list>
/// A milestone counts as done on D only if it was done on or before D. A task's status (暂缓 included)
/// does not change its milestones' states: a suspended task's overdue milestone is still 逾期.
/// </summary>
public static class MilestoneRules
{
    private static readonly Expression<Func<Milestone, MilestoneWindow, bool>> DoneBy =
        (m, w) => m.IsDone && m.CompletedOn <= w.AsOf;

    private static readonly IReadOnlyDictionary<MilestoneState, Expression<Func<Milestone, MilestoneWindow, bool>>> Definitions =
        new Dictionary<MilestoneState, Expression<Func<Milestone, MilestoneWindow, bool>>>
        {
            [MilestoneState.Due] = (m, w) => m.Due <= w.AsOf,
            [MilestoneState.Done] = DoneBy,
            [MilestoneState.OnTime] = And(DoneBy, (m, w) => m.CompletedOn <= m.Due),
            [MilestoneState.Late] = And(DoneBy, (m, w) => m.CompletedOn > m.Due),
            [MilestoneState.Open] = Not(DoneBy),
            [MilestoneState.Overdue] = And(Not(DoneBy), (m, w) => m.Due < w.AsOf),
            [MilestoneState.Urgent] = And(Not(DoneBy), (m, w) => m.Due >= w.AsOf && m.Due <= w.UrgentUntil),
            [MilestoneState.Approaching] = And(Not(DoneBy), (m, w) => m.Due > w.UrgentUntil && m.Due <= w.ApproachingUntil),
            [MilestoneState.Flagged] = And(Not(DoneBy), (m, w) => m.Due <= w.ApproachingUntil),
            [MilestoneState.OnTrack] = And(Not(DoneBy), (m, w) => m.Due > w.ApproachingUntil),
            [MilestoneState.Pending] = And(Not(DoneBy), (m, w) => m.Due >= w.AsOf),
        };

    private static readonly IReadOnlyDictionary<MilestoneState, Func<Milestone, MilestoneWindow, bool>> Compiled =
        Definitions.ToDictionary(d => d.Key, d => d.Value.Compile());

    /// <summary>The warning level of an open milestone, most severe first; an open one in none of these is 正常.</summary>
    private static readonly (MilestoneState State, WarningLevel Level)[] OpenLevels =
    [
        (MilestoneState.Overdue, WarningLevel.Overdue),
        (MilestoneState.Urgent, WarningLevel.Urgent),
        (MilestoneState.Approaching, WarningLevel.Approaching),
    ];

    /// <summary>The definition of <paramref name="state"/>, for translators (SQL) and tests.</summary>
    public static Expression<Func<Milestone, MilestoneWindow, bool>> Definition(MilestoneState state) => Definitions[state];

    /// <summary>
    /// Whether the milestone is in <paramref name="state"/> on the window's day. In C# it evaluates the
    /// compiled definition; inside a query lambda passed through <see cref="Expand{T}"/> it is replaced by the
    /// definition itself, so EF Core translates it.
    /// </summary>
    public static bool Is(this Milestone milestone, MilestoneState state, MilestoneWindow window) => Compiled[state](milestone, window);

    /// <summary>The same question for a milestone known only by its dates (a view model, not an entity).</summary>
    public static bool Is(MilestoneState state, DateOnly due, bool isDone, DateOnly? completedOn, MilestoneWindow window) =>
        Compiled[state](Facts(due, isDone, completedOn), window);

    /// <summary>
    /// The level of one milestone: 正常 / 临期 / 紧急 / 逾期 while open; done after its due date 逾期完成;
    /// done on time, null.
    /// </summary>
    public static WarningLevel? LevelOf(DateOnly due, bool isDone, DateOnly? completedOn, MilestoneWindow window)
    {
        var milestone = Facts(due, isDone, completedOn);
        if (!milestone.Is(MilestoneState.Open, window))
        {
            return milestone.Is(MilestoneState.Late, window) ? WarningLevel.CompletedLate : null;
        }

        foreach (var (state, level) in OpenLevels)
        {
            if (milestone.Is(state, window))
            {
                return level;
            }
        }

        return WarningLevel.OnTrack;
    }

    /// <summary>
    /// A task shows its worst open milestone, which is its earliest open one; with none open, 逾期完成 if one
    /// was done late; else nothing.
    /// </summary>
    public static WarningLevel? TaskLevel(DateOnly? earliestOpenDue, bool anyDoneLate, MilestoneWindow window) =>
        earliestOpenDue is { } due ? LevelOf(due, false, null, window)
        : anyDoneLate ? WarningLevel.CompletedLate
        : null;

    /// <summary>The same from all of a task's milestones.</summary>
    public static WarningLevel? TaskLevel(IEnumerable<(DateOnly Due, bool IsDone, DateOnly? CompletedOn)> milestones, MilestoneWindow window)
    {
        var facts = milestones.Select(m => Facts(m.Due, m.IsDone, m.CompletedOn)).ToList();
        return TaskLevel(
            facts.Where(m => m.Is(MilestoneState.Open, window)).Select(m => (DateOnly?)m.Due).Min(),
            facts.Any(m => m.Is(MilestoneState.Late, window)),
            window);
    }

    /// <summary>
    /// Tasks whose shown level (<see cref="TaskLevel(DateOnly?, bool, MilestoneWindow)"/>) is <paramref name="level"/>, as a LINQ predicate
    /// for EF Core: the worst open milestone decides, so each level excludes the more severe ones.
    /// </summary>
    public static Expression<Func<PlanTask, bool>> TaskHasLevel(WarningLevel level, MilestoneWindow window) => level switch
    {
        WarningLevel.Overdue => Expand<PlanTask>(t => t.Milestones.Any(m => m.Is(MilestoneState.Overdue, window))),
        WarningLevel.Urgent => Expand<PlanTask>(t => !t.Milestones.Any(m => m.Is(MilestoneState.Overdue, window))
            && t.Milestones.Any(m => m.Is(MilestoneState.Urgent, window))),
        WarningLevel.Approaching => Expand<PlanTask>(t => !t.Milestones.Any(m => m.Is(MilestoneState.Overdue, window) || m.Is(MilestoneState.Urgent, window))
            && t.Milestones.Any(m => m.Is(MilestoneState.Approaching, window))),
        WarningLevel.OnTrack => Expand<PlanTask>(t => t.Milestones.Any(m => m.Is(MilestoneState.Open, window))
            && !t.Milestones.Any(m => m.Is(MilestoneState.Flagged, window))),
        _ => Expand<PlanTask>(t => !t.Milestones.Any(m => m.Is(MilestoneState.Open, window))
            && t.Milestones.Any(m => m.Is(MilestoneState.Late, window))),
    };

    /// <summary>
    /// Milestones in <paramref name="state"/> (any when null) due within <paramref name="month"/> (its first
    /// day; any when null): the list's 按时间节点 view and the dashboard count with this.
    /// </summary>
    public static Expression<Func<Milestone, bool>> Where(MilestoneState? state, DateOnly? month, MilestoneWindow window)
    {
        var from = month ?? DateOnly.MinValue;
        var to = month is { } first ? first.AddMonths(1).AddDays(-1) : DateOnly.MaxValue;
        return state is { } s
            ? Expand<Milestone>(m => m.Due >= from && m.Due <= to && m.Is(s, window))
            : Expand<Milestone>(m => m.Due >= from && m.Due <= to);
    }

    /// <summary>Replaces every <c>m.Is(state, window)</c> in <paramref name="query"/> by the state's definition.</summary>
    public static Expression<Func<T, bool>> Expand<T>(Expression<Func<T, bool>> query) => (Expression<Func<T, bool>>)new Expander().Visit(query);

    /// <summary>The same over a whole query, for queries whose lambdas have anonymous types; call it last, before running the query.</summary>
    public static IQueryable<T> WithMilestoneRules<T>(this IQueryable<T> query) => query.Provider.CreateQuery<T>(new Expander().Visit(query.Expression));

    /// <summary>The same for any lambda (a GroupBy selector, a projection).</summary>
    public static Expression<TDelegate> ExpandLambda<TDelegate>(Expression<TDelegate> query) => (Expression<TDelegate>)new Expander().Visit(query);

    private static Milestone Facts(DateOnly due, bool isDone, DateOnly? completedOn) =>
        new() { Due = due, IsDone = isDone, CompletedOn = completedOn, Phrase = "", Clause = "" };

    private static Expression<Func<Milestone, MilestoneWindow, bool>> And(
        Expression<Func<Milestone, MilestoneWindow, bool>> left, Expression<Func<Milestone, MilestoneWindow, bool>> right) =>
        Expression.Lambda<Func<Milestone, MilestoneWindow, bool>>(Expression.AndAlso(left.Body, Rebind(right, left.Parameters[0], left.Parameters[1])), left.Parameters);

    private static Expression<Func<Milestone, MilestoneWindow, bool>> Not(Expression<Func<Milestone, MilestoneWindow, bool>> inner) =>
        Expression.Lambda<Func<Milestone, MilestoneWindow, bool>>(Expression.Not(inner.Body), inner.Parameters);

    /// <summary>The body of <paramref name="definition"/> with its two parameters replaced by the given expressions.</summary>
    private static Expression Rebind(LambdaExpression definition, Expression milestone, Expression window) =>
        new Substitution(new Dictionary<ParameterExpression, Expression> { [definition.Parameters[0]] = milestone, [definition.Parameters[1]] = window }).Visit(definition.Body);

    private sealed class Substitution(IReadOnlyDictionary<ParameterExpression, Expression> map) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => map.TryGetValue(node, out var with) ? with : node;
    }

    private sealed class Expander : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType != typeof(MilestoneRules) || node.Method.Name != nameof(Is) || node.Arguments.Count != 3)
            {
                return base.VisitMethodCall(node);
            }

            // The state is a constant or a captured variable: its value picks the definition now. The milestone
            // and the window stay expressions (a captured window becomes a query parameter in EF Core).
            var state = node.Arguments[1] is ConstantExpression { Value: MilestoneState constant }
                ? constant
                : Expression.Lambda<Func<MilestoneState>>(node.Arguments[1]).Compile()();
            return Rebind(Definitions[state], Visit(node.Arguments[0]), Visit(node.Arguments[2]));
        }
    }
}
