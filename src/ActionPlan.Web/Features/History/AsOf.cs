using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ActionPlan.Web.Features.History;

/// <summary>
/// Tasks and milestones as they stood at the end of a past day: the entities' own rows with the columns that have
/// a history (status, progress, texts; deadline, completion) taken from that day's <see cref="TaskHistory"/> and
/// <see cref="MilestoneHistory"/> row. Every query written over <c>db.PlanTasks</c> and <c>db.Milestones</c>
/// runs unchanged over these, so the 总览, the 调度通报 and the 工作台账 count a past day with their own queries.
/// Navigations (<c>t.Milestones</c>) still lead to today's rows: queries that want the day's milestones start from
/// <see cref="Milestones"/>, or pass through <see cref="WithMilestonesOf"/>, which points them at the day's.
/// </summary>
public static class AsOf
{
    /// <summary>The plan's tasks at the end of <paramref name="day"/>; today's when null.</summary>
    public static IQueryable<PlanTask> Tasks(AppDbContext db, DateOnly? day) =>
        day is { } d ? db.PlanTasks.FromSqlRaw(Sql(db, typeof(PlanTask), typeof(TaskHistory), nameof(TaskHistory.PlanTaskId)), d) : db.PlanTasks;

    /// <summary>The milestones at the end of <paramref name="day"/>; today's when null.</summary>
    public static IQueryable<Milestone> Milestones(AppDbContext db, DateOnly? day) =>
        day is { } d ? db.Milestones.FromSqlRaw(Sql(db, typeof(Milestone), typeof(MilestoneHistory), nameof(MilestoneHistory.MilestoneId)), d) : db.Milestones;

    /// <summary>The day of <c>?asof=</c>: today when absent; a day not yet come, or text that is no date, becomes today with a message.</summary>
    public static (DateOnly Day, string? Problem) Parse(string? text, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (today, null);
        }

        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return (today, $"截至日期“{text}”无法识别（应为 2022-06-30 这样的格式），已显示今天的数据。");
        }

        return day > today ? (today, $"截至日期{StatusText.LongDate(day)}晚于今天，已显示今天（{StatusText.LongDate(today)}）的数据。") : (day, null);
    }

    /// <summary>The day to read history for: null for today (and later), whose state is the entities' own.</summary>
    public static DateOnly? PastDay(DateOnly asOf, DateOnly today) => asOf < today ? asOf : null;

    /// <summary>
    /// SELECT of every column of the entity's table from the history rows whose period holds the day (parameter
    /// {0}): the columns the history row also has (and the key) from it, the others from the entity's row. Built
    /// from the model, so a new column cannot be missed. The entity is LEFT JOINed on its key, so PostgreSQL
    /// drops the join when a query reads only history columns (the milestones' states, their task).
    /// </summary>
    private static string Sql(AppDbContext db, Type entity, Type history, string key)
    {
        var entityType = db.Model.FindEntityType(entity)!;
        var historyType = db.Model.FindEntityType(history)!;
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var historyTable = StoreObjectIdentifier.Table(historyType.GetTableName()!, historyType.GetSchema());
        string Of(string property) => historyType.FindProperty(property)!.GetColumnName(historyTable)!;
        var kept = historyType.GetProperties().Select(p => p.Name).Except(["Id", key, "From", "Until"]).ToHashSet();
        var columns = entityType.GetProperties().Select(p =>
        {
            var column = p.GetColumnName(table)!;
            return p.Name == "Id" ? $"h.\"{Of(key)}\" AS \"{column}\""
                : kept.Contains(p.Name) ? $"h.\"{Of(p.Name)}\" AS \"{column}\""
                : $"e.\"{column}\"";
        });
        return $"SELECT {string.Join(", ", columns)} FROM \"{historyTable.Name}\" AS h LEFT JOIN \"{table.Name}\" AS e ON e.\"Id\" = h.\"{Of(key)}\" "
            + "WHERE h.\"From\" <= {0} AND {0} < h.\"Until\"";
    }

    /// <summary>
    /// The query with every <c>task.Milestones</c> replaced by the milestones of <paramref name="day"/> (unchanged
    /// for today), so filters and projections written over the navigation read the day's milestones. Call it last.
    /// </summary>
    public static IQueryable<T> WithMilestonesOf<T>(this IQueryable<T> query, AppDbContext db, DateOnly? day) =>
        day is null ? query : query.Provider.CreateQuery<T>(new MilestoneNavigation(Milestones(db, day).AsNoTracking()).Visit(query.Expression));

    private sealed class MilestoneNavigation(IQueryable<Milestone> milestones) : ExpressionVisitor
    {
        private static readonly PropertyInfo Navigation = typeof(PlanTask).GetProperty(nameof(PlanTask.Milestones))!;

        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Member != Navigation)
            {
                return base.VisitMember(node);
            }

            var task = Visit(node.Expression)!;
            var m = Expression.Parameter(typeof(Milestone), "m");
            var ofTask = Expression.Lambda<Func<Milestone, bool>>(
                Expression.Equal(Expression.Property(m, nameof(Milestone.PlanTaskId)), Expression.Property(task, nameof(PlanTask.Id))), m);
            return Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(Milestone)], milestones.Expression, Expression.Quote(ofTask));
        }
    }
}
