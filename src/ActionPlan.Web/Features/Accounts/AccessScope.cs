using System.Security.Claims;
using ActionPlan.Data.Entities;

namespace ActionPlan.Web.Features.Accounts;

/// <summary>
/// What the current user may see and do. Every query and command on tasks takes one and filters through
/// <see cref="Apply"/>, so a page, a dialog, an export or a future API cannot forget the unit boundary.
/// </summary>
public sealed record AccessScope(string UserName, bool SeesAllTasks, int? LeadUnitId, bool CanEditTasks, bool IsAdmin)
{
    public const string LeadUnitClaim = "actionplan:lead_unit";
    public const string MustChangePasswordClaim = "actionplan:must_change_password";
    public const string DisplayNameClaim = "actionplan:display_name";

    /// <summary>The plan shown is archived: the user reads what the scope lets them read and changes nothing (units report nothing either).</summary>
    public bool ReadOnly { get; init; }

    /// <summary>This scope on a plan: on an archived one, read-only for everyone.</summary>
    public AccessScope ForPlan(bool archived) => archived ? this with { CanEditTasks = false, ReadOnly = true } : this;

    /// <summary>Sees nothing; the scope of an anonymous or unknown principal.</summary>
    public static readonly AccessScope Nobody = new("", false, null, false, false);

    public static AccessScope For(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return Nobody;
        }

        var name = user.Identity.Name ?? "";
        if (user.IsInRole(Roles.Admin))
        {
            return new AccessScope(name, true, null, true, true);
        }

        if (user.IsInRole(Roles.Office))
        {
            return new AccessScope(name, true, null, true, false);
        }

        if (user.IsInRole(Roles.Leadership))
        {
            return new AccessScope(name, true, null, false, false);
        }

        if (user.IsInRole(Roles.LeadUnit) && int.TryParse(user.FindFirstValue(LeadUnitClaim), out var unit))
        {
            return new AccessScope(name, false, unit, false, false);
        }

        return Nobody with { UserName = name };
    }

    /// <summary>The tasks this user may read: all, or those naming the user's unit (shared tasks included).</summary>
    public IQueryable<PlanTask> Apply(IQueryable<PlanTask> tasks)
    {
        if (SeesAllTasks)
        {
            return tasks;
        }

        if (LeadUnitId is { } unit)
        {
            return tasks.Where(t => t.LeadUnits.Any(l => l.LeadUnitId == unit));
        }

        return tasks.Where(_ => false);
    }

    /// <summary>
    /// The tasks this user may read: those of <see cref="Apply"/> and, for a unit, those naming it as 配合单位.
    /// Only reads use it (任务清单, 任务详情); every command keeps to <see cref="Apply"/>, so a supporting unit
    /// cannot edit, report, reply or ask for an extension on a task it only supports.
    /// </summary>
    public IQueryable<PlanTask> ApplyIncludingSupporting(IQueryable<PlanTask> tasks)
    {
        if (!SeesAllTasks && LeadUnitId is { } unit)
        {
            return tasks.Where(t => t.LeadUnits.Any(l => l.LeadUnitId == unit) || t.SupportingUnits.Any(s => s.LeadUnitId == unit));
        }

        return Apply(tasks);
    }
}
