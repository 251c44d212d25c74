using System.Reflection;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Rules;
using ActionPlan.Web.Features.Tasks;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace ActionPlan.Tests.Tasks;

/// <summary>The 任务清单 URL: what <see cref="TaskListQuery.ToUrl"/> writes, and that the list reads it back.</summary>
public sealed class TaskListQueryTests : IAsyncDisposable
{
    private readonly BunitContext _ctx = new();

    public static TheoryData<string> Units => ["省市场监管局", "人民银行济南分行", "省发展改革委 & 省财政厅", "a=b+c #1 100% 税务/海关？", "制表\t换行\n结束", "𠀀扩展字"];

    [Theory]
    [MemberData(nameof(Units))]
    public void A_unit_name_survives_the_url_as_blazor_and_the_browser_read_it(string unit)
    {
        var query = new TaskListQuery { Unit = unit, Status = PlanTaskStatus.InProgress, Milestone = MilestoneState.Overdue, Month = new(2022, 6, 1), Search = unit, Page = 2 };

        var url = query.ToUrl();

        ReadByBlazor(url).Should().Be(query, "Blazor reads the link as written");
        ReadByBlazor(new Uri(new Uri("http://localhost/"), url).AbsoluteUri).Should().Be(query, "a browser sends it percent-encoded");
        ReadByQueryHelpers(url).Should().Be(query, "the ledger endpoint reads the same query string");
    }

    [Fact]
    public void Chinese_stays_readable_and_only_delimiters_are_escaped()
    {
        new TaskListQuery { Unit = "省发展改革委 & 省财政厅" }.ToUrl().Should().Be("tasks?unit=省发展改革委%20%26%20省财政厅");
        new TaskListQuery { Search = "a=b+c#1%" }.ToUrl().Should().Be("tasks?q=a%3Db%2Bc%231%25");
        new TaskListQuery { Unit = "甲\u3000乙" }.ToUrl().Should().Be("tasks?unit=甲%E3%80%80乙", "a non-ASCII space would end the link where it is pasted");
    }

    [Fact]
    public void Defaults_are_left_out_and_values_are_lower_case()
    {
        TaskListQuery.All.ToUrl().Should().Be("tasks");
        (TaskListQuery.All with { Domain = 3, Status = PlanTaskStatus.Completed, Level = WarningLevel.Overdue }).ToUrl().Should().Be("tasks?domain=3&status=completed&level=overdue");
        (TaskListQuery.All with { Month = new(2023, 6, 1), Milestone = MilestoneState.OnTime }).ToUrl("tasks/ledger.xlsx").Should().Be("tasks/ledger.xlsx?ms=ontime&month=2023-06");
    }

    [Fact]
    public void The_probe_reads_the_same_parameters_as_the_task_list()
    {
        static IEnumerable<string?> Names(Type page) => page.GetProperties(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
            .Select(p => p.GetCustomAttribute<SupplyParameterFromQueryAttribute>()?.Name).Where(n => n is not null).Order();

        // plan= chooses the plan the list is of (PlanOverview.Link keeps it); it is not one of the list's filters.
        Names(typeof(TaskListQueryProbe)).Should().Equal(Names(typeof(TaskList)).Where(n => n != ActionPlan.Web.Features.Shared.PlanOverview.QueryName));
    }

    private TaskListQuery ReadByBlazor(string url)
    {
        _ctx.Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        return _ctx.Render<TaskListQueryProbe>().Instance.Query;
    }

    private static TaskListQuery ReadByQueryHelpers(string url)
    {
        var q = QueryHelpers.ParseQuery(url[url.IndexOf('?')..]);
        string? Get(string name) => q.TryGetValue(name, out var v) ? v.ToString() : null;
        int? Int(string name) => int.TryParse(Get(name), out var i) ? i : null;
        return TaskListQuery.FromQueryString(Get("domain"), Get("unit"), Get("status"), Get("q"), Int("page"), Int("size"), Get("sort"), Get("dir"), Get("level"), Get("ms"), Get("month"));
    }

    public ValueTask DisposeAsync() => _ctx.DisposeAsync();
}
