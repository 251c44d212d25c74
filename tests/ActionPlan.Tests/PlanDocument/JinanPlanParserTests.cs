using ActionPlan.PlanDocument;

namespace ActionPlan.Tests.PlanDocument;

/// <summary>
/// Reads tests/test-plans/jinan-2023-business-environment-implementation-plan.txt, a second plan of the family
/// written for the tests: another year and 文号, other domains, 配合单位 clauses in 〔〕, 【】, （） and ()
/// brackets, 责任单位 and 协同单位 labels, 长期坚持 and broken lines. The parser has no rule for this file.
/// </summary>
public sealed class JinanPlanParserTests
{
    public static readonly string PlanPath =
        Path.Combine(AppContext.BaseDirectory, "test-plans", "jinan-2023-business-environment-implementation-plan.txt");

    private static readonly Lazy<ParsedPlan> Parsed = new(() => PlanParser.Parse(File.ReadAllBytes(PlanPath)));

    private static ParsedPlan Doc => Parsed.Value;

    private static ParsedTask TaskNo(int number) => Doc.Tasks.Single(t => t.Number == number);

    [Fact]
    public void Header_reads_the_2023_title_document_number_and_year()
    {
        Doc.Plan.Title.Should().Be("济南市营商环境创新提升2023年落实方案");
        Doc.Plan.DocumentNumber.Should().Be("济政办字〔2023〕15号");
        Doc.Plan.Year.Should().Be(2023);
    }

    [Fact]
    public void Counts_are_five_domains_24_tasks_18_milestones_and_two_measures()
    {
        Doc.Domains.Select(d => d.Name).Should().Equal("市场准入领域", "获得信贷领域", "工程建设项目审批领域", "跨境贸易领域", "政务服务领域");
        Doc.Tasks.Select(t => t.Number).Should().Equal(Enumerable.Range(1, 24));
        Doc.Tasks.Sum(t => t.Milestones.Count).Should().Be(18);
        Doc.Measures.Should().HaveCount(2);
    }

    [Theory]
    [InlineData(1, "〔〕 with ；", new[] { "市市场监管局" }, new[] { "市行政审批服务局", "市大数据局" })]
    [InlineData(4, "half-width ()", new[] { "市市场监管局" }, new[] { "市发展改革委", "市司法局" })]
    [InlineData(5, "two groups on the next line", new[] { "市行政审批服务局" }, new[] { "市市场监管局", "市司法局" })]
    [InlineData(12, "【】", new[] { "市自然资源和规划局" }, new[] { "市住房城乡建设局", "市城乡水务局" })]
    [InlineData(13, "（）", new[] { "市住房城乡建设局" }, new[] { "国网济南供电公司", "市城乡水务局", "市大数据局" })]
    [InlineData(2, "【】 lead only", new[] { "市市场监管局" }, new string[0])]
    public void Supporting_units_are_kept_apart_from_lead_units(int task, string style, string[] lead, string[] supporting)
    {
        TaskNo(task).LeadUnits.Should().Equal(lead, style);
        TaskNo(task).SupportingUnits.Should().Equal(supporting, style);
    }

    [Fact]
    public void Responsible_units_clause_is_read_as_lead_units_without_a_warning()
    {
        TaskNo(3).LeadUnits.Should().Equal("市市场监管局", "国家税务总局济南市税务局");
        TaskNo(3).SupportingUnits.Should().Equal("市人力资源社会保障局", "济南海关");
        TaskNo(22).LeadUnits.Should().Equal("市政府办公厅");
        Doc.Warnings.Should().NotContain(w => w.Kind == WarningKinds.UnusualClause);
    }

    [Fact]
    public void A_task_naming_only_cooperating_units_has_no_lead_unit_and_a_warning()
    {
        TaskNo(15).LeadUnits.Should().BeEmpty();
        TaskNo(15).SupportingUnits.Should().Equal("市发展改革委", "市行政审批服务局");
        Doc.Warnings.Should().Contain(w => w.Task == 15 && w.Kind == WarningKinds.NoLeadUnit && w.Line == 51);
    }

    [Fact]
    public void Unit_clauses_are_cut_from_the_text_and_kept_as_written()
    {
        TaskNo(5).Text.Should().EndWith("同步明确事中事后监管措施。");
        TaskNo(5).LeadUnitClause.Should().Be("（牵头单位：市行政审批服务局） （配合单位：市市场监管局、市司法局）");
        Doc.Tasks.Should().OnlyContain(t => !t.Text.Contains("配合单位") && !t.Text.Contains("牵头单位"));
    }

    [Theory]
    [InlineData(1, "6月底前", 2023, 6, 30)]
    [InlineData(4, "2023年6月底前", 2023, 6, 30)]
    [InlineData(6, "2023年12月底前", 2023, 12, 31)]
    [InlineData(10, "12月31日前", 2023, 12, 31)]
    [InlineData(13, "6月底前", 2023, 6, 30)]
    [InlineData(21, "2023年9月底前", 2023, 9, 30)]
    public void Deadlines_fall_in_the_plan_year(int task, string phrase, int year, int month, int day)
    {
        TaskNo(task).Milestones.Should().ContainSingle(m => m.Phrase == phrase).Which.Due.Should().Be(new DateOnly(year, month, day));
    }

    [Fact]
    public void Ongoing_tasks_written_long_term_have_no_milestone_and_a_warning()
    {
        foreach (var task in new[] { 3, 15, 22 })
        {
            TaskNo(task).Text.Should().Contain("长期坚持");
            TaskNo(task).Milestones.Should().BeEmpty();
            Doc.Warnings.Should().Contain(w => w.Task == task && w.Kind == WarningKinds.NoDeadline);
        }
    }

    [Fact]
    public void Broken_lines_are_joined_with_a_warning_on_the_continuing_line()
    {
        TaskNo(1).Text.Should().Contain("实现企业开办全流程一个环节");
        TaskNo(13).Milestones[0].Clause.Should().StartWith("将供水、供电");
        Doc.Warnings.Where(w => w.Kind == WarningKinds.JoinedPageBreak).Select(w => (w.Task, w.Line))
            .Should().Equal((1, 15), (4, 22), (10, 38), (13, 47), (18, 60), (23, 73));
    }

    [Fact]
    public void Task_24_has_a_responsibility_note_and_no_unit()
    {
        TaskNo(24).LeadUnits.Should().BeEmpty();
        TaskNo(24).ResponsibilityNote.Should().Be("各有关部门单位按照职责分工负责");
    }

    [Fact]
    public void Warnings_are_fourteen_in_line_order()
    {
        Doc.Warnings.Should().HaveCount(14);
        Doc.Warnings.Select(w => w.Line).Should().BeInAscendingOrder();
    }

    [Fact]
    public void Json_round_trip_keeps_supporting_units()
    {
        var back = PlanJson.Deserialize(PlanJson.Serialize(Doc));
        back.Tasks.Single(t => t.Number == 13).SupportingUnits.Should().Equal(TaskNo(13).SupportingUnits);
        PlanJson.Serialize(Doc).Should().Contain("\"supportingUnits\": [");
    }
}
