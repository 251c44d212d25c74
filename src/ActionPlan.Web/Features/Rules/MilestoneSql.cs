using System.Linq.Expressions;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Infrastructure;

namespace ActionPlan.Web.Features.Rules;

/// <summary>
/// SQL text of a <see cref="MilestoneRules"/> definition, for the set-based statements (the deadline scan,
/// the figure snapshot). It translates the same expression the C# and LINQ paths use, so the three cannot
/// drift apart. The window's dates become the caller's positional parameters; milestone members become
/// columns of <c>alias</c>. Comparisons of a nullable column are false when it is null, as in C#.
/// </summary>
public sealed class MilestoneSql(SqlDialect dialect, string alias, string asOf, string urgentUntil, string approachingUntil)
{
    /// <summary>
    /// For raw SQL whose parameters are, in this order, the as-of date, the last day of the urgent window and
    /// the last day of the approaching window (<c>{0}</c>, <c>{1}</c>, <c>{2}</c>).
    /// </summary>
    public static MilestoneSql Positional(SqlDialect dialect, string alias = "m") => new(dialect, alias, "{0}", "{1}", "{2}");

    /// <summary>The parameter values <see cref="Positional"/> expects, first in the parameter list.</summary>
    public static object[] Parameters(MilestoneWindow window) => [window.AsOf, window.UrgentUntil, window.ApproachingUntil];

    /// <summary>The condition that holds for the milestones in <paramref name="state"/>.</summary>
    public string Condition(MilestoneState state) => Condition(MilestoneRules.Definition(state));

    public string Condition(Expression<Func<Milestone, MilestoneWindow, bool>> definition) => Boolean(definition.Body);

    private string Boolean(Expression node) => node switch
    {
        BinaryExpression { NodeType: ExpressionType.AndAlso } b => $"({Boolean(b.Left)} AND {Boolean(b.Right)})",
        BinaryExpression { NodeType: ExpressionType.OrElse } b => $"({Boolean(b.Left)} OR {Boolean(b.Right)})",
        UnaryExpression { NodeType: ExpressionType.Not } u => $"NOT {Boolean(u.Operand)}",
        BinaryExpression b when Operators.TryGetValue(b.NodeType, out var op) => Comparison(b, op),
        MemberExpression { Type: var t } m when t == typeof(bool) => dialect.IsTrue(Value(m).Sql),
        ConstantExpression { Value: bool value } => value ? "1 = 1" : "1 = 0",
        _ => throw new NotSupportedException($"No SQL for {node} in a milestone rule."),
    };

    private static readonly Dictionary<ExpressionType, string> Operators = new()
    {
        [ExpressionType.LessThan] = "<",
        [ExpressionType.LessThanOrEqual] = "<=",
        [ExpressionType.GreaterThan] = ">",
        [ExpressionType.GreaterThanOrEqual] = ">=",
    };

    private string Comparison(BinaryExpression node, string op)
    {
        var left = Value(node.Left);
        var right = Value(node.Right);
        var nullChecks = new[] { left, right }.Where(v => v.Nullable).Select(v => $"{v.Sql} IS NOT NULL AND ");
        return $"({string.Concat(nullChecks)}{left.Sql} {op} {right.Sql})";
    }

    private (string Sql, bool Nullable) Value(Expression node) => node switch
    {
        UnaryExpression { NodeType: ExpressionType.Convert } u => Value(u.Operand),
        MemberExpression { Expression: ParameterExpression p } m when p.Type == typeof(Milestone) =>
            ($"{alias}.\"{m.Member.Name}\"", Nullable.GetUnderlyingType(m.Type) is not null),
        MemberExpression { Expression: ParameterExpression p } m when p.Type == typeof(MilestoneWindow) => (m.Member.Name switch
        {
            nameof(MilestoneWindow.AsOf) => asOf,
            nameof(MilestoneWindow.UrgentUntil) => urgentUntil,
            nameof(MilestoneWindow.ApproachingUntil) => approachingUntil,
            var other => throw new NotSupportedException($"No SQL for the window's {other}."),
        }, false),
        _ => throw new NotSupportedException($"No SQL for {node} in a milestone rule."),
    };
}
