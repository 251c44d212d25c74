namespace ActionPlan.Data.Entities;

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
