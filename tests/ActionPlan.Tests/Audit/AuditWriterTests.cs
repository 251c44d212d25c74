using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ActionPlan.Tests.Audit;

/// <summary>What <see cref="AuditWriter"/> adds to a context, which it never saves (no database is opened here).</summary>
public sealed class AuditWriterTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2022, 6, 20, 1, 30, 0, TimeSpan.Zero);
    private static readonly AccessScope Office = new("office1", true, null, true, false);

    private readonly AppDbContext _db = new(new DbContextOptionsBuilder<AppDbContext>()
        .UseApplicationServiceProvider(AppDbContext.IdentityModelServices)
        .UseSqlite("Data Source=:memory:").Options);

    private readonly AuditWriter _writer = new(new FakeTimeProvider(Now));

    public void Dispose() => _db.Dispose();

    [Fact]
    public void A_task_change_is_added_with_the_actor_the_clock_and_the_task_and_nothing_is_saved()
    {
        var task = new PlanTask { Id = 7, Number = 12, Title = "任务", Text = "任务" };

        _writer.TaskChanged(_db, Office, task, AuditAction.BulkStatus,
            [new(AuditField.Status, "NotStarted", "Suspended"), AuditChange.OfMilestone(1, "未完成", "已完成 2022-06-01")], "专项督查后暂缓。");

        var added = Added();
        added.Should().HaveCount(2).And.OnlyContain(a => a.Actor == "office1" && a.At == Now && a.PlanTaskId == 7
            && a.EntityType == "PlanTask" && a.EntityKey == "12" && a.Action == "BulkStatus" && a.Reason == "专项督查后暂缓。");
        added.Select(a => (a.Field, a.OldValue, a.NewValue)).Should().Equal(("Status", "NotStarted", "Suspended"), ("Milestone1", "未完成", "已完成 2022-06-01"));
    }

    [Fact]
    public void An_account_change_names_the_account_and_no_task()
    {
        var user = new AppUser { Id = "u-1", UserName = "unit07" };

        _writer.AccountChanged(_db, Office with { UserName = "admin" }, user, AuditAction.DisableAccount, new(AuditField.Disabled, "False", "True"));

        Added().Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            At = Now, Actor = "admin", PlanTaskId = (int?)null, EntityType = "User", EntityKey = "unit07",
            Action = "Disable", Field = "IsDisabled", OldValue = "False", NewValue = "True", Reason = (string?)null,
        });
    }

    [Fact]
    public void Values_and_reasons_longer_than_their_columns_are_kept_up_to_the_column_size()
    {
        var task = new PlanTask { Id = 1, Number = 1, Title = "任务", Text = "任务" };

        _writer.TaskChanged(_db, Office, task, AuditAction.Edit,
            [new(AuditField.ProgressSummary, new string('旧', TextLimits.LongText + 5), new string('新', TextLimits.LongText))], new string('因', TextLimits.Reason + 1));

        var entry = Added().Single();
        entry.OldValue.Should().HaveLength(TextLimits.LongText);
        entry.NewValue.Should().HaveLength(TextLimits.LongText);
        entry.Reason.Should().HaveLength(TextLimits.Reason);
    }

    private List<AuditEntry> Added() =>
        _db.ChangeTracker.Entries<AuditEntry>().Should().OnlyContain(e => e.State == EntityState.Added).And.Subject.Select(e => e.Entity).ToList();
}
