using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Audit;
using ActionPlan.Web.Features.Reports;
using ActionPlan.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ActionPlan.IntegrationTests;

/// <summary>
/// The rows <see cref="AuditWriter"/> leaves for a task edit, a report approval and account changes, read back
/// from the database: the stored names the pages and older rows use, read back as the typed action and field.
/// Tasks: 20 edit · 21 approval.
/// </summary>
public abstract class AuditTrailTests(PortalFixture fixture)
{
    private static readonly AccessScope Office = new("office1", true, null, true, false);
    private static readonly AccessScope Admin = new("admin7", true, null, true, true);

    private PortalFactory Portal => fixture.Portal;

    [Fact]
    public async Task Editing_a_task_writes_one_typed_row_per_changed_field_naming_the_task_the_editor_and_the_time()
    {
        const int number = 20;
        var planId = await PlanIdAsync();
        var task = await TaskAsync(number);
        var lastAudit = await Portal.LastAuditIdAsync();
        var from = DateTimeOffset.UtcNow;

        var result = await Portal.Services.GetRequiredService<TaskWorkspace>().SaveAsync(Office, planId,
            new TaskEdit(number, task.Version, lastAudit, PlanTaskStatus.InProgress, 30, "已印发园区跟踪监测工作方案。", null, null,
                [new MilestoneEdit(0, true, new DateOnly(2022, 6, 1))]));

        result.Outcome.Should().Be(SaveOutcome.Saved, result.Message);
        var audit = await Portal.AuditSinceAsync(lastAudit);
        Typed(audit).Should().BeEquivalentTo(new (AuditAction, AuditField, int?, string?, string?)[]
        {
            (AuditAction.Edit, AuditField.Status, null, "NotStarted", "InProgress"),
            (AuditAction.Edit, AuditField.Progress, null, "0", "30"),
            (AuditAction.Edit, AuditField.ProgressSummary, null, null, "已印发园区跟踪监测工作方案。"),
            (AuditAction.Edit, AuditField.Milestone, 0, "未完成", "已完成 2022-06-01"),
        });
        audit.Select(a => a.Field).Should().BeEquivalentTo("Status", "Progress", "ProgressSummary", "Milestone0");
        audit.Should().OnlyContain(a => a.EntityType == "PlanTask" && a.EntityKey == "20" && a.PlanTaskId == task.Id
            && a.Actor == "office1" && a.Action == "Edit" && a.Reason == null);
        audit.Select(a => a.At).Distinct().Should().ContainSingle("one save is one moment, shown as one change in the timeline")
            .Which.Should().BeOnOrAfter(from.AddMilliseconds(-1)).And.BeOnOrBefore(DateTimeOffset.UtcNow.AddMilliseconds(1));
    }

    [Fact]
    public async Task Approving_a_report_writes_audit_rows_naming_the_report()
    {
        const int number = 21;
        var planId = await PlanIdAsync();
        var task = await TaskAsync(number);
        var unitId = await Portal.WithDbAsync(db => db.PlanTaskLeadUnits.Where(l => l.PlanTaskId == task.Id).Select(l => l.LeadUnitId).FirstAsync());
        var unit = new AccessScope("unit21", false, unitId, false, false);
        var reports = Portal.Services.GetRequiredService<ProgressReports>();
        var saved = await reports.SaveAsync(unit, planId, new ReportInput(null, number, "民用建筑领域建筑师负责制试点已启动。", 45, 0, new DateOnly(2022, 6, 10), [], []), submit: true);
        saved.Succeeded.Should().BeTrue(saved.Message);
        var report = (await reports.GetAsync(Office, saved.ReportId!.Value))!;
        var lastAudit = await Portal.LastAuditIdAsync();

        var approved = await reports.ApproveAsync(Office, report.Id, report.Version);

        approved.Succeeded.Should().BeTrue(approved.Message);
        var audit = await Portal.AuditSinceAsync(lastAudit);
        Typed(audit).Should().BeEquivalentTo(new (AuditAction, AuditField, int?, string?, string?)[]
        {
            (AuditAction.ApproveReport, AuditField.Progress, null, "0", "45"),
            (AuditAction.ApproveReport, AuditField.Status, null, "NotStarted", "InProgress"),
            (AuditAction.ApproveReport, AuditField.Milestone, 0, "未完成", "已完成 2022-06-10"),
            (AuditAction.ApproveReport, AuditField.ProgressSummary, null, null, "民用建筑领域建筑师负责制试点已启动。"),
        });
        audit.Should().OnlyContain(a => a.Action == "ApproveReport" && a.EntityType == "PlanTask" && a.EntityKey == "21"
            && a.PlanTaskId == task.Id && a.Actor == "office1");
        audit.Should().OnlyContain(a => a.Reason == $"根据进展报送 #{report.Id}（第 1 版）审核通过", "each row names the report it comes from");
        (await TaskAsync(number)).Version.Should().NotBe(task.Version, "the approval changed the task");
    }

    [Fact]
    public async Task Changing_an_account_writes_one_typed_row_per_change_naming_the_account_and_the_administrator()
    {
        var admin = Portal.Services.GetRequiredService<UserAdministration>();
        var unitId = await Portal.WithDbAsync(db => db.LeadUnits.Where(u => u.Name == "省生态环境厅").Select(u => u.Id).SingleAsync());
        var lastAudit = await Portal.LastAuditIdAsync();
        var from = DateTimeOffset.UtcNow;

        (await admin.CreateAsync(Admin, new NewUser("audited1", "审计测试", Roles.LeadUnit, unitId, "Audit@2022pass"))).Succeeded.Should().BeTrue();
        var userId = await Portal.WithDbAsync(db => db.Users.Where(u => u.UserName == "audited1").Select(u => u.Id).SingleAsync());
        (await admin.ChangeRoleAsync(Admin, userId, Roles.Office, null)).Succeeded.Should().BeTrue();
        (await admin.SetDisabledAsync(Admin, userId, true)).Succeeded.Should().BeTrue();
        (await admin.SetDisabledAsync(Admin, userId, false)).Succeeded.Should().BeTrue();
        (await admin.ResetPasswordAsync(Admin, userId, "Reset@2022pass")).Succeeded.Should().BeTrue();

        var audit = await Portal.AuditSinceAsync(lastAudit);
        Typed(audit).Should().Equal(
            (AuditAction.CreateAccount, AuditField.Role, null, null, $"LeadUnit#{unitId}"),
            (AuditAction.ChangeRole, AuditField.Role, null, $"LeadUnit#{unitId}", "Office"),
            (AuditAction.DisableAccount, AuditField.Disabled, null, "False", "True"),
            (AuditAction.EnableAccount, AuditField.Disabled, null, "True", "False"),
            (AuditAction.ResetPassword, AuditField.Password, null, null, null));
        audit.Select(a => (a.Action, a.Field)).Should().Equal(
            ("Create", "Role"), ("ChangeRole", "Role"), ("Disable", "IsDisabled"), ("Enable", "IsDisabled"), ("ResetPassword", "Password"));
        audit.Should().OnlyContain(a => a.EntityType == "User" && a.EntityKey == "audited1" && a.PlanTaskId == null
            && a.Actor == "admin7" && a.Reason == null
            && a.At >= from.AddMilliseconds(-1) && a.At <= DateTimeOffset.UtcNow.AddMilliseconds(1));
    }

    /// <summary>The rows as typed values; a stored name that does not read back fails the test.</summary>
    private static IEnumerable<(AuditAction Action, AuditField Field, int? Position, string? Old, string? New)> Typed(IEnumerable<AuditEntry> rows) =>
        rows.Select(a =>
        {
            AuditNames.TryParseAction(a.Action, out var action).Should().BeTrue(a.Action);
            AuditNames.TryParseField(a.Field, out var field, out var position).Should().BeTrue(a.Field);
            return (action, field, position, a.OldValue, a.NewValue);
        }).ToList();

    private Task<int> PlanIdAsync() => Portal.WithDbAsync(db => db.Plans.Select(p => p.Id).SingleAsync());

    private Task<PlanTask> TaskAsync(int number) =>
        Portal.WithDbAsync(db => db.PlanTasks.AsNoTracking().SingleAsync(t => t.Number == number));
}

public sealed class SqliteAuditTrailTests(SqlitePortal fixture) : AuditTrailTests(fixture), IClassFixture<SqlitePortal>;

public sealed class PostgresAuditTrailTests(PostgresPortal fixture) : AuditTrailTests(fixture), IClassFixture<PostgresPortal>;
