using ActionPlan.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ActionPlan.IntegrationTests;

/// <summary>未保存的输入: what a form keeps while the user types, per user and form, on both databases.</summary>
public abstract class UnsavedInputTests(PortalFixture fixture)
{
    private sealed record Fields(string? Text, int Progress);

    private UnsavedInputs Inputs => fixture.Portal.Services.GetRequiredService<UnsavedInputs>();

    [Fact]
    public async Task Input_is_kept_overwritten_and_discarded_per_user_and_form()
    {
        var form = UnsavedInputs.TaskEditKey(1, 101);
        await Inputs.KeepAsync("keeper-a", form, new Fields("第一稿", 10));
        await Inputs.KeepAsync("keeper-a", form, new Fields("第二稿：已完成调研", 35));
        await Inputs.KeepAsync("keeper-b", form, new Fields("另一位同事", 5));

        var kept = await Inputs.FindAsync<Fields>("keeper-a", form);
        kept!.Value.Input.Should().Be(new Fields("第二稿：已完成调研", 35), "the newest input replaces the older one");
        (await fixture.Portal.WithDbAsync(db => db.UnsavedInputs.CountAsync(i => i.FormKey == form))).Should().Be(2, "one row per user and form");
        (await Inputs.FindAsync<Fields>("keeper-b", form))!.Value.Input.Text.Should().Be("另一位同事");
        (await Inputs.FindAsync<Fields>("keeper-a", UnsavedInputs.TaskEditKey(1, 102))).Should().BeNull();

        await Inputs.DiscardAsync("keeper-a", form);
        (await Inputs.FindAsync<Fields>("keeper-a", form)).Should().BeNull();
        (await Inputs.FindAsync<Fields>("keeper-b", form)).Should().NotBeNull("discarding is one user's");
    }

    [Fact]
    public async Task Report_forms_of_a_task_are_found_by_their_prefix()
    {
        await Inputs.KeepAsync("keeper-c", UnsavedInputs.ReportKey(1, 7, null), new Fields("新报送", 20));
        await Inputs.KeepAsync("keeper-c", UnsavedInputs.ReportKey(1, 7, 42), new Fields("草稿 42", 30));
        await Inputs.KeepAsync("keeper-c", UnsavedInputs.ReportKey(1, 70, null), new Fields("另一项任务", 1));

        var keys = await Inputs.KeysAsync("keeper-c", UnsavedInputs.ReportPrefix(1, 7));
        keys.Should().BeEquivalentTo(["report:1:7:new", "report:1:7:42"]);
    }

    [Fact]
    public async Task Input_that_no_longer_reads_is_not_offered()
    {
        var form = UnsavedInputs.TaskEditKey(1, 103);
        await Inputs.KeepAsync("keeper-d", form, new { Text = "旧版表单", Progress = "不是数字" });
        (await Inputs.FindAsync<Fields>("keeper-d", form)).Should().BeNull();
    }
}

public sealed class SqliteUnsavedInputTests(SqlitePortal fixture) : UnsavedInputTests(fixture), IClassFixture<SqlitePortal>;

public sealed class PostgresUnsavedInputTests(PostgresPortal fixture) : UnsavedInputTests(fixture), IClassFixture<PostgresPortal>;
