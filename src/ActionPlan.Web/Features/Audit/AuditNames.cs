using System.Globalization;

namespace ActionPlan.Web.Features.Audit;

/// <summary>
/// The strings the audit table stores for each typed action, field and entity. They are written out here,
/// not taken from member names, because stored rows and the pages reading them outlive a rename.
/// </summary>
public static class AuditNames
{
    public const string TaskEntity = "PlanTask";
    public const string AccountEntity = "User";
    public const string RoundEntity = "ReportingRound";
    public const string SlipEntity = "SupervisionSlip";
    public const string DispatchEntity = "DispatchReport";
    public const string PlanEntity = "Plan";
    public const string ApiTokenEntity = "ApiToken";
    public const string ChannelEntity = "MessageChannel";

    private const string MilestonePrefix = "Milestone";

    public static string Of(AuditAction action) => action switch
    {
        AuditAction.Edit => "Edit",
        AuditAction.BulkStatus => "BulkStatus",
        AuditAction.ApproveReport => "ApproveReport",
        AuditAction.CreateAccount => "Create",
        AuditAction.DisableAccount => "Disable",
        AuditAction.EnableAccount => "Enable",
        AuditAction.ChangeRole => "ChangeRole",
        AuditAction.ResetPassword => "ResetPassword",
        AuditAction.OpenRound => "OpenRound",
        AuditAction.CloseRound => "CloseRound",
        AuditAction.Chase => "Chase",
        AuditAction.ReturnReport => "ReturnReport",
        AuditAction.IssueSlip => "IssueSlip",
        AuditAction.ReplySlip => "ReplySlip",
        AuditAction.EscalateSlip => "EscalateSlip",
        AuditAction.CloseSlip => "CloseSlip",
        AuditAction.RequestExtension => "RequestExtension",
        AuditAction.ApproveExtension => "ApproveExtension",
        AuditAction.RefuseExtension => "RefuseExtension",
        AuditAction.CloseTask => "CloseTask",
        AuditAction.ReopenTask => "ReopenTask",
        AuditAction.IssueDispatch => "IssueDispatch",
        AuditAction.PlayDemoHistory => "PlayDemoHistory",
        AuditAction.CreateApiToken => "CreateApiToken",
        AuditAction.RevokeApiToken => "RevokeApiToken",
        AuditAction.CreateChannel => "CreateChannel",
        AuditAction.EditChannel => "EditChannel",
        AuditAction.DeleteChannel => "DeleteChannel",
        AuditAction.ArchivePlan => "ArchivePlan",
        AuditAction.ReopenPlan => "ReopenPlan",
        AuditAction.ImportPlan => "ImportPlan",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    /// <summary>A field's stored name; a milestone's is its position after "Milestone" ("Milestone0" is the first).</summary>
    public static string Of(AuditField field, int? position = null) => field switch
    {
        AuditField.Status => "Status",
        AuditField.Progress => "Progress",
        AuditField.ProgressSummary => "ProgressSummary",
        AuditField.Difficulties => "Difficulties",
        AuditField.SuspensionReason => "SuspensionReason",
        AuditField.Milestone => MilestonePrefix + (position ?? throw new ArgumentNullException(nameof(position), "A milestone change names its position.")).ToString(CultureInfo.InvariantCulture),
        AuditField.Role => "Role",
        AuditField.Disabled => "IsDisabled",
        AuditField.Password => "Password",
        AuditField.RoundState => "State",
        AuditField.ChasedUnit => "Unit",
        AuditField.ReportState => "ReportState",
        AuditField.SlipState => "SlipState",
        AuditField.Deadline => "Deadline",
        AuditField.Closed => "Closed",
        AuditField.Dispatch => "Dispatch",
        AuditField.DemoHistory => "DemoHistory",
        AuditField.ApiToken => "ApiToken",
        AuditField.Channel => "Channel",
        AuditField.PlanState => "PlanState",
        AuditField.Plan => "Plan",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    public static bool TryParseAction(string? stored, out AuditAction action)
    {
        foreach (var candidate in Enum.GetValues<AuditAction>())
        {
            if (Of(candidate) == stored)
            {
                action = candidate;
                return true;
            }
        }

        action = default;
        return false;
    }

    /// <summary>Reads a stored field name back; <paramref name="position"/> is set for a milestone.</summary>
    public static bool TryParseField(string? stored, out AuditField field, out int? position)
    {
        position = null;
        if (stored is not null && stored.StartsWith(MilestonePrefix, StringComparison.Ordinal)
            && int.TryParse(stored.AsSpan(MilestonePrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var p))
        {
            field = AuditField.Milestone;
            position = p;
            return true;
        }

        foreach (var candidate in Enum.GetValues<AuditField>())
        {
            if (candidate != AuditField.Milestone && Of(candidate) == stored)
            {
                field = candidate;
                return true;
            }
        }

        field = default;
        return false;
    }
}
