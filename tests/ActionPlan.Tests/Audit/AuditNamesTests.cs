using ActionPlan.Web.Features.Audit;
using ActionPlan.Web.Features.Shared;

namespace ActionPlan.Tests.Audit;

/// <summary>The stored names of typed audit actions and fields: the strings rows have always carried, and back.</summary>
public sealed class AuditNamesTests
{
    [Theory]
    [InlineData(AuditAction.Edit, "Edit")]
    [InlineData(AuditAction.BulkStatus, "BulkStatus")]
    [InlineData(AuditAction.ApproveReport, "ApproveReport")]
    [InlineData(AuditAction.CreateAccount, "Create")]
    [InlineData(AuditAction.DisableAccount, "Disable")]
    [InlineData(AuditAction.EnableAccount, "Enable")]
    [InlineData(AuditAction.ChangeRole, "ChangeRole")]
    [InlineData(AuditAction.ResetPassword, "ResetPassword")]
    public void Each_action_is_stored_under_the_name_existing_rows_carry(AuditAction action, string stored)
    {
        AuditNames.Of(action).Should().Be(stored);
        AuditNames.TryParseAction(stored, out var read).Should().BeTrue();
        read.Should().Be(action);
    }

    [Theory]
    [InlineData(AuditField.Status, null, "Status")]
    [InlineData(AuditField.Progress, null, "Progress")]
    [InlineData(AuditField.ProgressSummary, null, "ProgressSummary")]
    [InlineData(AuditField.Difficulties, null, "Difficulties")]
    [InlineData(AuditField.SuspensionReason, null, "SuspensionReason")]
    [InlineData(AuditField.Milestone, 0, "Milestone0")]
    [InlineData(AuditField.Milestone, 12, "Milestone12")]
    [InlineData(AuditField.Role, null, "Role")]
    [InlineData(AuditField.Disabled, null, "IsDisabled")]
    [InlineData(AuditField.Password, null, "Password")]
    public void Each_field_is_stored_under_the_name_existing_rows_carry(AuditField field, int? position, string stored)
    {
        AuditNames.Of(field, position).Should().Be(stored);
        AuditNames.TryParseField(stored, out var read, out var readPosition).Should().BeTrue();
        (read, readPosition).Should().Be((field, position));
    }

    [Fact]
    public void Every_action_and_field_has_a_name_of_its_own()
    {
        Enum.GetValues<AuditAction>().Select(AuditNames.Of).Should().OnlyHaveUniqueItems();
        Enum.GetValues<AuditField>().Select(f => AuditNames.Of(f, 0)).Should().OnlyHaveUniqueItems();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Milestone")]
    [InlineData("Milestone-1")]
    [InlineData("status")]
    [InlineData("Deleted")]
    public void A_name_no_action_or_field_carries_reads_as_unknown(string? stored)
    {
        AuditNames.TryParseAction(stored, out _).Should().BeFalse();
        AuditNames.TryParseField(stored, out _, out _).Should().BeFalse();
    }

    [Fact]
    public void A_milestone_change_without_its_position_cannot_be_named()
    {
        var unnamed = () => AuditNames.Of(AuditField.Milestone);

        unnamed.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void The_timeline_labels_read_the_stored_names()
    {
        StatusText.ActionLabel("ApproveReport").Should().Be("报送审核通过");
        StatusText.ActionLabel("Unknown").Should().Be("Unknown");
        StatusText.FieldLabel("Milestone2").Should().Be("时间节点 3");
        StatusText.FieldLabel("IsDisabled").Should().Be("IsDisabled", "account fields have no task label");
        StatusText.ValueLabel("Status", "Suspended").Should().Be("暂缓");
        StatusText.ValueLabel("Progress", "40").Should().Be("40%");
    }
}
