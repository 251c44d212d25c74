using Microsoft.AspNetCore.Identity;

namespace ActionPlan.Data.Entities;

/// <summary>A portal account. Created by an administrator; never by self-registration.</summary>
public class AppUser : IdentityUser
{
    public string? DisplayName { get; set; }

    /// <summary>The unit a LeadUnit-role account reports for; null for every other role.</summary>
    public int? LeadUnitId { get; set; }

    public LeadUnit? LeadUnit { get; set; }

    /// <summary>A disabled account cannot sign in and loses open sessions at the next revalidation.</summary>
    public bool IsDisabled { get; set; }

    /// <summary>Set for initial and reset passwords: the user must choose a new one before anything else.</summary>
    public bool MustChangePassword { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The four roles of the portal.</summary>
public static class Roles
{
    /// <summary>Manages accounts; also has every Office right.</summary>
    public const string Admin = "Admin";

    /// <summary>省营转办 staff: read and change every task.</summary>
    public const string Office = "Office";

    /// <summary>领导: read everything, change nothing.</summary>
    public const string Leadership = "Leadership";

    /// <summary>A lead unit's staff: reads the tasks that name its unit.</summary>
    public const string LeadUnit = "LeadUnit";

    public static readonly string[] All = [Admin, Office, Leadership, LeadUnit];

    public static string Label(string role) => role switch
    {
        Admin => "系统管理员",
        Office => "省营转办",
        Leadership => "领导",
        LeadUnit => "牵头单位",
        _ => role,
    };
}

/// <summary>One recorded change: who, when, what, old → new, why. Never updated or deleted.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>The task the change concerns, for the task's timeline; null for account changes.</summary>
    public int? PlanTaskId { get; set; }

    /// <summary>User name of who made the change ("system" for start-up work).</summary>
    public required string Actor { get; set; }

    /// <summary>What kind of thing changed: "User", "PlanTask", …</summary>
    public required string EntityType { get; set; }

    public required string EntityKey { get; set; }
    public required string Action { get; set; }
    public string? Field { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
    public string? Reason { get; set; }
}
