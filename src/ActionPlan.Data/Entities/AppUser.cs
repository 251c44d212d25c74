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
