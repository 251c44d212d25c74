using System.Globalization;
using System.Text;
using ActionPlan.PlanDocument;

namespace ActionPlan.Tests.PlanDocument;

/// <summary>
/// Reads seeds/shandong-2022-business-environment-action-plan.txt (鲁政办字〔2022〕28号).
/// Every expected value below was read off that file by hand; line numbers are 1-based lines of the file.
/// </summary>
public sealed class PlanParserTests
{
    private static readonly string SeedPath =
        Path.Combine(AppContext.BaseDirectory, "seeds", "shandong-2022-business-environment-action-plan.txt");

    private static readonly Lazy<string> Source = new(() => File.ReadAllText(SeedPath, Encoding.UTF8));

    private static readonly Lazy<ParsedPlan> Parsed = new(() => PlanParser.Parse(Source.Value));

    private static ParsedPlan Doc => Parsed.Value;

    private static ParsedTask TaskNo(int number) => Doc.Tasks.Single(t => t.Number == number);

    private static IEnumerable<ParseWarning> WarningsOf(int task, string kind) =>
        Doc.Warnings.Where(w => w.Task == task && w.Kind == kind);

    private static void MilestonesShouldBe(ParsedTask task, params (string Phrase, DateOnly Due)[] expected) =>
        task.Milestones.Select(m => (m.Phrase, m.Due)).Should().Equal(expected);

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    /// <summary>Tasks whose only clause is （省有关部门单位按照职责分工负责）: 61, 63-84 except 68 and 70, and 117.</summary>
    private static readonly int[] ResponsibilityNoteTasks =
        [61, 63, 64, 65, 66, 67, 69, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 117];

    /// <summary>Tasks with no "N月底(前)" / "N月D日前" / range deadline anywhere in their text.</summary>
    private static readonly int[] NoDeadlineTasks =
    [
        40, 43, 49, 52, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 69, 71, 72, 73, 74, 75,
        76, 77, 78, 79, 80, 81, 82, 83, 84, 94, 116, 117, 122, 152, 153, 156, 158, 159, 163, 165,
    ];

    /// <summary>Due date of every milestone of every task that has one, in order of appearance.</summary>
    private static readonly Dictionary<int, string[]> DueDates = new()
    {
        [1] = ["2022-09-30"],
        [2] = ["2022-06-30"],
        [3] = ["2022-06-30"],
        [4] = ["2022-09-30"],
        [5] = ["2022-08-31"],
        [6] = ["2022-06-30", "2022-09-30"],
        [7] = ["2022-06-30", "2022-08-31"],
        [8] = ["2022-06-30", "2022-09-30"],
        [9] = ["2022-09-30"],
        [10] = ["2022-12-31"],
        [11] = ["2022-10-31"],
        [12] = ["2022-11-30"],
        [13] = ["2022-06-30", "2022-09-30"],
        [14] = ["2022-09-30", "2022-09-30"],
        [15] = ["2022-09-30"],
        [16] = ["2022-06-30"],
        [17] = ["2022-06-30", "2022-09-30"],
        [18] = ["2022-09-30"],
        [19] = ["2022-11-30"],
        [20] = ["2022-11-30"],
        [21] = ["2022-08-31"],
        [22] = ["2022-10-31"],
        [23] = ["2022-03-31"],
        [24] = ["2022-09-30"],
        [25] = ["2022-06-30"],
        [26] = ["2022-06-01"],
        [27] = ["2022-04-30"],
        [28] = ["2022-08-31"],
        [29] = ["2022-12-31"],
        [30] = ["2022-10-31"],
        [31] = ["2022-12-31"],
        [32] = ["2022-05-31"],
        [33] = ["2022-12-31"],
        [34] = ["2022-06-30"],
        [35] = ["2022-09-30"],
        [36] = ["2022-12-31"],
        [37] = ["2022-12-31"],
        [38] = ["2022-12-31"],
        [39] = ["2022-12-31", "2022-12-31"],
        [41] = ["2022-09-30"],
        [42] = ["2022-07-31"],
        [44] = ["2022-09-30"],
        [45] = ["2022-06-30"],
        [46] = ["2022-06-30"],
        [47] = ["2022-12-31"],
        [48] = ["2023-06-30", "2022-04-30", "2022-05-31"],
        [50] = ["2022-06-30"],
        [51] = ["2022-09-30"],
        [53] = ["2022-08-31", "2022-12-31"],
        [54] = ["2022-05-31", "2022-09-30"],
        [55] = ["2022-03-31"],
        [68] = ["2022-09-30"],
        [70] = ["2022-07-31"],
        [85] = ["2022-12-31"],
        [86] = ["2022-09-30"],
        [87] = ["2022-06-30"],
        [88] = ["2022-12-31"],
        [89] = ["2022-09-30"],
        [90] = ["2022-08-31"],
        [91] = ["2022-08-31"],
        [92] = ["2022-08-31"],
        [93] = ["2022-08-31"],
        [95] = ["2022-05-31"],
        [96] = ["2022-06-30"],
        [97] = ["2022-08-31"],
        [98] = ["2022-04-30"],
        [99] = ["2022-05-31"],
        [100] = ["2022-09-30"],
        [101] = ["2022-09-30"],
        [102] = ["2022-06-30"],
        [103] = ["2022-12-31"],
        [104] = ["2022-11-30"],
        [105] = ["2022-12-31"],
        [106] = ["2022-12-31"],
        [107] = ["2022-12-31"],
        [108] = ["2022-12-31"],
        [109] = ["2022-04-30", "2022-06-30", "2022-12-31"],
        [110] = ["2022-12-31"],
        [111] = ["2022-05-31", "2022-06-30", "2022-12-31"],
        [112] = ["2022-04-30", "2022-06-30"],
        [113] = ["2022-09-30"],
        [114] = ["2022-12-31"],
        [115] = ["2022-06-30", "2022-09-30"],
        [118] = ["2022-06-30", "2022-09-30"],
        [119] = ["2022-06-30", "2022-12-31"],
        [120] = ["2022-06-30"],
        [121] = ["2022-12-31"],
        [123] = ["2022-09-30"],
        [124] = ["2022-06-30"],
        [125] = ["2022-06-30", "2022-09-30"],
        [126] = ["2022-06-30"],
        [127] = ["2022-06-30", "2022-09-30"],
        [128] = ["2022-09-30", "2022-12-31"],
        [129] = ["2022-09-30"],
        [130] = ["2022-09-30"],
        [131] = ["2022-09-30"],
        [132] = ["2022-08-31"],
        [133] = ["2022-07-31", "2022-08-31"],
        [134] = ["2022-04-30", "2022-07-31", "2022-09-30"],
        [135] = ["2022-12-31"],
        [136] = ["2022-10-31"],
        [137] = ["2022-11-30"],
        [138] = ["2022-06-30"],
        [139] = ["2022-09-30"],
        [140] = ["2022-12-31"],
        [141] = ["2022-12-31"],
        [142] = ["2022-04-30", "2022-12-31"],
        [143] = ["2022-10-31"],
        [144] = ["2022-09-30"],
        [145] = ["2022-09-30"],
        [146] = ["2022-12-31"],
        [147] = ["2022-10-31"],
        [148] = ["2022-07-31"],
        [149] = ["2022-12-31"],
        [150] = ["2022-12-31"],
        [151] = ["2022-12-31"],
        [154] = ["2022-03-31"],
        [155] = ["2022-03-31"],
        [157] = ["2022-04-30"],
        [160] = ["2022-08-31"],
        [161] = ["2022-04-30"],
        [162] = ["2022-06-30", "2022-09-30"],
        [164] = ["2022-08-31", "2022-09-30"],
    };

    // ---------------------------------------------------------------- header, counts, structure

    [Fact]
    public void Import_reads_header_title_document_number_and_year()
    {
        Doc.Plan.Title.Should().Be("山东省营商环境创新 2022 年行动计划");
        Doc.Plan.DocumentNumber.Should().Be("鲁政办字〔2022〕28号");
        Doc.Plan.Year.Should().Be(2022);
    }

    [Fact]
    public void Import_reads_165_tasks_numbered_1_to_165_in_order()
    {
        Doc.Tasks.Should().HaveCount(165);
        Doc.Tasks.Select(t => t.Number).Should().Equal(Enumerable.Range(1, 165));
    }

    [Fact]
    public void Import_reads_19_domains_in_order_with_names_without_number_brackets_or_hashes()
    {
        Doc.Domains.Select(d => d.Number).Should().Equal(Enumerable.Range(1, 19));
        Doc.Domains.Select(d => d.Name).Should().Equal(
            "开办企业领域",
            "工程建设项目审批领域",
            "获得电力领域",
            "登记财产领域",
            "纳税服务领域",
            "跨境贸易领域",
            "获得信贷领域",
            "保护中小投资者领域",
            "办理破产领域",
            "执行合同领域",
            "劳动力市场监管领域",
            "政府采购领域",
            "招标投标领域",
            "政务服务领域",
            "知识产权创造保护和运用领域",
            "市场监管领域",
            "包容普惠创新领域",
            "减税降费领域",
            "法治保障领域");
    }

    [Theory]
    [InlineData(1, "开办企业领域", 13, 1, 8)]
    [InlineData(2, "工程建设项目审批领域", 32, 9, 22)]
    [InlineData(3, "获得电力领域", 60, 23, 28)]
    [InlineData(4, "登记财产领域", 76, 29, 33)]
    [InlineData(5, "纳税服务领域", 90, 34, 38)]
    [InlineData(6, "跨境贸易领域", 102, 39, 47)]
    [InlineData(7, "获得信贷领域", 124, 48, 55)]
    [InlineData(8, "保护中小投资者领域", 142, 56, 62)]
    [InlineData(9, "办理破产领域", 162, 63, 73)]
    [InlineData(10, "执行合同领域", 182, 74, 84)]
    [InlineData(11, "劳动力市场监管领域", 210, 85, 94)]
    [InlineData(12, "政府采购领域", 232, 95, 99)]
    [InlineData(13, "招标投标领域", 246, 100, 104)]
    [InlineData(14, "政务服务领域", 260, 105, 114)]
    [InlineData(15, "知识产权创造保护和运用领域", 284, 115, 123)]
    [InlineData(16, "市场监管领域", 310, 124, 130)]
    [InlineData(17, "包容普惠创新领域", 329, 131, 151)]
    [InlineData(18, "减税降费领域", 377, 152, 161)]
    [InlineData(19, "法治保障领域", 401, 162, 165)]
    public void Domain_heading_owns_the_tasks_that_follow_it(int number, string name, int headingLine, int firstTask, int lastTask)
    {
        var domain = Doc.Domains.Should().ContainSingle(d => d.Number == number).Which;
        domain.Name.Should().Be(name);
        domain.Line.Should().Be(headingLine);

        Doc.Tasks.Where(t => t.DomainNumber == number).Select(t => t.Number)
            .Should().Equal(Enumerable.Range(firstTask, lastTask - firstTask + 1));
    }

    [Theory]
    [InlineData(1, 15)]
    [InlineData(12, 40)]
    [InlineData(48, 126)]
    [InlineData(62, 158)]
    [InlineData(102, 252)]
    [InlineData(125, 314)]
    [InlineData(165, 411)]
    public void Task_line_is_the_line_of_its_number(int task, int line)
    {
        TaskNo(task).Line.Should().Be(line);
    }

    [Fact]
    public void Measures_are_the_four_closing_measures_and_not_tasks()
    {
        Doc.Measures.Select(m => m.Number).Should().Equal(1, 2, 3, 4);
        Doc.Measures.Select(m => m.Title).Should().Equal(
            "加强统筹协调", "发挥示范引领", "推行\u201C揭榜挂帅\u201D", "加大跟踪督导");
        Doc.Measures.Select(m => m.Line).Should().Equal(415, 417, 419, 423);

        Doc.Tasks.Should().NotContain(t => t.Title == "加强统筹协调" || t.Title == "加大跟踪督导");
        TaskNo(165).Text.Should().Be("完善优化法治环境保障机制。深化完善法治山东建设指标体系，推动法治山东建设综合评估和动态监测工作。开展律师惠企服务，组织律师参与企业法治体检。");
    }

    [Theory]
    [InlineData(1, "（牵头单位：省政府办公厅）", new[] { "省政府办公厅" })]
    [InlineData(2, "（牵头单位：省政府办公厅）", new[] { "省政府办公厅" })]
    [InlineData(3, "（牵头单位：营商环境各领域牵头单位）", new[] { "营商环境各领域牵头单位" })]
    [InlineData(4, "（牵头单位：省政府办公厅、省发展改革委）", new[] { "省政府办公厅", "省发展改革委" })]
    public void Measure_reads_its_lead_unit_clause_as_written(int number, string clause, string[] units)
    {
        var measure = Doc.Measures.Single(m => m.Number == number);
        measure.LeadUnitClause.Should().Be(clause);
        measure.LeadUnits.Should().Equal(units);
        measure.Text.Should().EndWith("。").And.NotContain("（牵头单位").And.NotContain("\n\n");
    }

    [Fact]
    public void Measure_3_joins_text_across_page_break()
    {
        var measure = Doc.Measures.Single(m => m.Number == 3);
        measure.Text.Should().Contain("力争形成一批全国领先的创新成果，不断增强市场主体和人民群众的获得感。");
        measure.Text.Should().NotContain("\n");
    }

    [Fact]
    public void Measure_2_keeps_document_reference_brackets_in_text()
    {
        var measure = Doc.Measures.Single(m => m.Number == 2);
        measure.Text.Should().Contain("《国务院关于开展营商环境创新试点工作的意见》（国发〔2021〕24号）精神");
        measure.LeadUnitClause.Should().Be("（牵头单位：省政府办公厅）");
    }

    [Fact]
    public void Measure_4_on_last_line_without_newline_is_read_whole()
    {
        var measure = Doc.Measures.Single(m => m.Number == 4);
        measure.Text.Should().Contain("对营商环境实行\u201C无感监测\u201D").And.EndWith("及时研究解决改革推进过程中出现的问题。");
    }

    [Fact]
    public void Parse_bytes_gives_the_same_plan_as_parse_text()
    {
        var fromBytes = PlanParser.Parse(File.ReadAllBytes(SeedPath));

        fromBytes.Should().BeEquivalentTo(Doc, o => o.ComparingRecordsByMembers().WithStrictOrdering());
    }

    // ---------------------------------------------------------------- titles and text

    [Theory]
    [InlineData(1, "提升设立登记便利度")]
    [InlineData(34, "探索非接触式发放税务 UKey")]
    [InlineData(57, "持续保护广大中小投资者知情权、参与权和决策权等权益")]
    [InlineData(121, "开展沿黄9省（区）地理标志联合保护行动")]
    [InlineData(165, "完善优化法治环境保障机制")]
    public void Task_title_is_text_before_first_full_stop_as_written(int task, string title)
    {
        TaskNo(task).Title.Should().Be(title);
    }

    [Fact]
    public void Every_task_text_starts_with_its_title_and_ends_with_a_full_stop()
    {
        foreach (var task in Doc.Tasks)
        {
            task.Title.Should().NotBeNullOrWhiteSpace().And.NotContain("。", $"task {task.Number}");
            task.Text.Should().StartWith(task.Title + "。", $"task {task.Number}");
            task.Text.Should().EndWith("。", $"task {task.Number}");
        }
    }

    [Fact]
    public void No_task_text_has_a_blank_line_or_surrounding_whitespace()
    {
        foreach (var task in Doc.Tasks)
        {
            task.Text.Should().NotContain("\n\n", $"task {task.Number}");
            task.Text.Should().NotContain("\r", $"task {task.Number}");
            task.Text.Should().Be(task.Text.Trim(), $"task {task.Number}");
            task.Text.Split('\n').Should().NotContain(l => string.IsNullOrWhiteSpace(l), $"task {task.Number}");
        }
    }

    [Fact]
    public void Only_task_8_text_has_a_real_paragraph_break()
    {
        Doc.Tasks.Where(t => t.Text.Contains('\n')).Select(t => t.Number).Should().Equal(8);
    }

    [Fact]
    public void Task_8_keeps_paragraph_after_full_stop_as_single_newline()
    {
        var task = TaskNo(8);
        task.Text.Should().Be(
            "健全清除市场准入隐性壁垒长效机制。6月底前，深化市场准入负面清单管理，进一步完善市场主体对隐性壁垒的意见反馈渠道和处理回应机制。\n" +
            "9月底前，清理取消对企业注册及跨区域经营、迁移设置的不合理限制。");
        task.LeadUnits.Should().Equal("省发展改革委", "省商务厅", "省市场监管局");
        MilestonesShouldBe(task, ("6月底前", D(2022, 6, 30)), ("9月底前", D(2022, 9, 30)));
        task.Milestones[1].Clause.Should().Be("清理取消对企业注册及跨区域经营、迁移设置的不合理限制");
    }

    [Theory]
    [InlineData(2, "鼓励商业银行完善账户服务分类分级管理，对风险较低的企业推行简易开户。")]
    [InlineData(12, "明确接入点位，11月底前，实现供应土地具备完善的基础设施配套。")]
    [InlineData(26, "由各市政府制定定额标准及具体实施办法并组织实施。")]
    [InlineData(31, "在线签署、在线承诺、共享信息确认。")]
    [InlineData(41, "支持区内企业大力开展保税研发等新兴业态。")]
    [InlineData(61, "支持投资者代理律师依法行使调查权")]
    [InlineData(84, "多角度对备案机构逐案打分考评，对得分较低的机构")]
    [InlineData(102, "即可在省内公益性公共资源交易平台参与投标")]
    [InlineData(112, "\u201C高龄老人补贴\u201D")]
    [InlineData(117, "具有知识产权案件管辖权的基层法院")]
    [InlineData(127, "在食品、药品、疫苗、环保、安全生产等领域")]
    [InlineData(136, "优化科技型中小企业增信平台各项功能")]
    [InlineData(147, "为山东省持\u201C山东惠才卡\u201D")]
    [InlineData(152, "固定资产加速折旧")]
    [InlineData(164, "重点对是否存在下达罚款指标")]
    public void Page_break_inside_a_sentence_is_joined_without_separator(int task, string joined)
    {
        var text = TaskNo(task).Text;
        text.Should().Contain(joined);
        text.Should().NotContain("\n");
    }

    [Fact]
    public void Lead_unit_clause_is_removed_from_task_text()
    {
        Doc.Tasks.Where(t => t.Text.Contains("（牵头") || t.Text.Contains("(牵头") || t.Text.Contains("〔牵头"))
            .Select(t => t.Number).Should().Equal(48);
        // "牵头单位" as an ordinary word: task 11 "项目策划生成牵头单位", task 162 "政务诚信牵头单位".
        Doc.Tasks.Where(t => t.Text.Contains("牵头单位")).Select(t => t.Number).Should().Equal(11, 48, 162);
        Doc.Tasks.Where(t => t.Text.Contains("牵头部门")).Should().BeEmpty();
        Doc.Tasks.Where(t => t.Text.Contains("按照职责分工负责")).Should().BeEmpty();
    }

    [Theory]
    [InlineData(1, "（牵头单位：省市场监管局）")]
    [InlineData(62, "（牵头单位：山东证监局）")]
    [InlineData(80, "（省有关部门单位按照职责分工负责）")]
    [InlineData(96, "（牵头单位：省财政厅）")]
    [InlineData(118, "（牵头单位：省市场监管局）")]
    [InlineData(121, "（牵头单位：省市场监管局）")]
    [InlineData(125, "(牵头单位：省市场监管局)")]
    public void Clause_alone_on_a_following_line_belongs_to_the_task(int task, string clause)
    {
        var parsed = TaskNo(task);
        parsed.LeadUnitClause.Should().Be(clause);
        parsed.Text.Should().EndWith("。").And.NotContain("\n").And.NotContain("牵头");
    }

    // ---------------------------------------------------------------- spot checks

    [Fact]
    public void Task_1_reads_clause_from_the_next_paragraph()
    {
        var task = TaskNo(1);
        task.DomainNumber.Should().Be(1);
        task.Title.Should().Be("提升设立登记便利度");
        task.Text.Should().Be("提升设立登记便利度。优化升级企业开办\u201C一窗通\u201D系统，9月底前，实现开办企业全流程（名称申报、企业登记、印章刻制、涉税办理、银行预约开户、社保登记、医保登记、公积金登记）1个环节、0成本、1天办结。");
        task.LeadUnitClause.Should().Be("（牵头单位：省市场监管局）");
        task.LeadUnits.Should().Equal("省市场监管局");
        task.ResponsibilityNote.Should().BeNull();
        MilestonesShouldBe(task, ("9月底前", D(2022, 9, 30)));
        task.Milestones[0].Clause.Should().Be("实现开办企业全流程（名称申报、企业登记、印章刻制、涉税办理、银行预约开户、社保登记、医保登记、公积金登记）1个环节、0成本、1天办结");
    }

    [Fact]
    public void Task_2_joins_word_split_across_page_break()
    {
        var task = TaskNo(2);
        task.Title.Should().Be("提升银行开户效率");
        task.Text.Should().Be("提升银行开户效率。6月底前，探索企业账户账号在线推送模式，银行收到企业开办\u201C一窗通\u201D系统发送的企业开户预约信息、完成账户开立后，根据企业授权，在线反馈企业账户账号。鼓励商业银行完善账户服务分类分级管理，对风险较低的企业推行简易开户。鼓励商业银行对市场主体取消或降低票据业务、账户服务、转账汇款等手续费用。");
        task.LeadUnitClause.Should().Be("（牵头单位：人民银行济南分行）");
        task.LeadUnits.Should().Equal("人民银行济南分行");
        MilestonesShouldBe(task, ("6月底前", D(2022, 6, 30)));
    }

    [Fact]
    public void Task_12_joins_deadline_split_across_page_break()
    {
        var task = TaskNo(12);
        task.DomainNumber.Should().Be(2);
        task.Title.Should().Be("完善土地供应前基础配套设施");
        task.Text.Should().Contain("明确接入点位，11月底前，实现").And.EndWith("实现供应土地具备完善的基础设施配套。");
        task.LeadUnitClause.Should().Be("〔牵头单位：省自然资源厅、省住房城乡建设厅〕");
        task.LeadUnits.Should().Equal("省自然资源厅", "省住房城乡建设厅");
        MilestonesShouldBe(task, ("11月底前", D(2022, 11, 30)));
        task.Milestones[0].Clause.Should().Be("实现供应土地具备完善的基础设施配套");
    }

    [Fact]
    public void Task_13_reads_tortoise_shell_bracket_clause()
    {
        var task = TaskNo(13);
        task.Title.Should().Be("提升工程建设项目全流程在线审批效能");
        task.LeadUnitClause.Should().Be("〔牵头单位：省住房城乡建设厅〕");
        task.LeadUnits.Should().Equal("省住房城乡建设厅");
        task.Text.Should().EndWith("按照电子档案要求实时归集、动态维护、安全管理。");
        MilestonesShouldBe(task, ("6月底前", D(2022, 6, 30)), ("9月底前", D(2022, 9, 30)));
        task.Milestones.Select(m => m.Clause).Should().Equal(
            "实现城市工程审批系统和建筑市场监管与诚信一体化平台等业务系统互联互通",
            "实现\u201C一套图纸\u201D多部门在线使用，按照电子档案要求实时归集、动态维护、安全管理");
    }

    [Fact]
    public void Task_14_keeps_two_milestones_in_the_same_month()
    {
        var task = TaskNo(14);
        task.Title.Should().Be("提高工程建设项目审批服务质量");
        task.LeadUnitClause.Should().Be("〔牵头单位：省住房城乡建设厅〕");
        task.LeadUnits.Should().Equal("省住房城乡建设厅");
        MilestonesShouldBe(task, ("9月底前", D(2022, 9, 30)), ("9月底前", D(2022, 9, 30)));
        task.Milestones.Select(m => m.Clause).Should().Equal(
            "编制公布工程建设项目审批技术审查、现场勘查等特殊程序清单",
            "出台工程建设项目审批全过程帮办服务规范");
    }

    [Fact]
    public void Task_16_reads_tortoise_shell_bracket_clause()
    {
        var task = TaskNo(16);
        task.Title.Should().Be("优化环保事项审批服务");
        task.LeadUnitClause.Should().Be("〔牵头单位：省生态环境厅〕");
        task.LeadUnits.Should().Equal("省生态环境厅");
        task.Text.Should().EndWith("排污许可证首次申领办理时限压减到20个工作日。");
        MilestonesShouldBe(task, ("6月底前", D(2022, 6, 30)));
        task.Milestones[0].Clause.Should().Be("排污许可证首次申领办理时限压减到20个工作日");
    }

    [Fact]
    public void Task_26_reads_day_deadline_and_ignores_criterion_date()
    {
        var task = TaskNo(26);
        task.DomainNumber.Should().Be(3);
        task.Title.Should().Be("降低办电成本");
        task.Text.Should().Contain("全省2021年3月1日以后取得土地使用权").And.EndWith("由各市政府制定定额标准及具体实施办法并组织实施。");
        task.LeadUnitClause.Should().Be("（牵头单位：省发展改革委、省财政厅、省自然资源厅、省住房城乡建设厅、省能源局、国网山东省电力公司，各市政府）");
        task.LeadUnits.Should().Equal(
            "省发展改革委", "省财政厅", "省自然资源厅", "省住房城乡建设厅", "省能源局", "国网山东省电力公司", "各市政府");
        MilestonesShouldBe(task, ("6月1日前", D(2022, 6, 1)));
        task.Milestones[0].Clause.Should().Be("由各市政府制定定额标准及具体实施办法并组织实施");
    }

    [Fact]
    public void Task_33_reads_month_end_without_qian_as_deadline()
    {
        var task = TaskNo(33);
        task.DomainNumber.Should().Be(4);
        task.Title.Should().Be("提升不动产登记质量和共享服务能力");
        task.LeadUnits.Should().Equal("省自然资源厅");
        MilestonesShouldBe(task, ("12月底", D(2022, 12, 31)));
        task.Milestones[0].Clause.Should().Be("完成新一轮不动产登记数据汇交、入库");
    }

    [Fact]
    public void Task_40_splits_lead_units_on_comma_and_has_no_deadline()
    {
        var task = TaskNo(40);
        task.DomainNumber.Should().Be(6);
        task.Title.Should().Be("提升跨境贸易管理国际化水平");
        task.LeadUnitClause.Should().Be("（牵头单位：省商务厅、青岛海关、济南海关，青岛市政府）");
        task.LeadUnits.Should().Equal("省商务厅", "青岛海关", "济南海关", "青岛市政府");
        task.Milestones.Should().BeEmpty();
        WarningsOf(40, WarningKinds.NoDeadline).Should().ContainSingle();
    }

    [Theory]
    [InlineData(46, "6 月底前", 6, 30)]
    [InlineData(47, "12 月底前", 12, 31)]
    [InlineData(50, "6 月底前", 6, 30)]
    [InlineData(154, "3 月底前", 3, 31)]
    public void Deadline_written_with_spaces_keeps_its_phrase_as_written(int task, string phrase, int month, int day)
    {
        MilestonesShouldBe(TaskNo(task), (phrase, D(2022, month, day)));
    }

    [Fact]
    public void Task_48_reads_two_clauses_range_deadline_and_skips_year_end_target()
    {
        var task = TaskNo(48);
        task.DomainNumber.Should().Be(7);
        task.Title.Should().Be("推动金融服务供给增量提质");
        task.LeadUnitClause.Should().Be("（牵头单位：人民银行济南分行） （牵头单位：山东银保监局）");
        task.LeadUnits.Should().Equal("人民银行济南分行", "山东银保监局");
        task.ResponsibilityNote.Should().BeNull();

        // The first clause sits mid-text and stays there; the trailing one is removed.
        task.Text.Should().Contain("按照余额增量的 1% 提供资金。（牵头单位：人民银行济南分行）持续开展普惠型小微企业贷款考核");
        task.Text.Should().EndWith("5 月底前，完成商业银行小微企业金融服务监管评价工作。");
        task.Text.Should().NotContain("山东银保监局");

        MilestonesShouldBe(task,
            ("从 2022 年到 2023 年 6 月底", D(2023, 6, 30)),
            ("4 月底前", D(2022, 4, 30)),
            ("5 月底前", D(2022, 5, 31)));
        task.Milestones[0].Clause.Should().Be("对符合条件的地方法人金融机构发放的普惠小微企业贷款，按照余额增量的 1% 提供资金");
        task.Milestones[1].Clause.Should().StartWith("制定考核方案");
        task.Milestones[2].Clause.Should().Be("完成商业银行小微企业金融服务监管评价工作");

        WarningsOf(48, WarningKinds.DateNotDeadline).Should().NotBeEmpty();
        WarningsOf(48, WarningKinds.NoDeadline).Should().BeEmpty();
    }

    [Fact]
    public void Task_60_keeps_described_unit_as_written_with_warning()
    {
        var task = TaskNo(60);
        task.DomainNumber.Should().Be(8);
        task.Title.Should().Be("依法从严查处证券违法活动");
        task.LeadUnitClause.Should().Be("（牵头单位：打击证券违法活动省相关责任单位）");
        task.LeadUnits.Should().Equal("打击证券违法活动省相关责任单位");
        task.ResponsibilityNote.Should().BeNull();
        task.Milestones.Should().BeEmpty();
        WarningsOf(60, WarningKinds.DescribedUnit).Should().NotBeEmpty();
        WarningsOf(60, WarningKinds.NoLeadUnit).Should().BeEmpty();
    }

    [Fact]
    public void Task_102_reads_ascii_bracket_clause_and_joins_page_break()
    {
        var task = TaskNo(102);
        task.DomainNumber.Should().Be(13);
        task.Title.Should().Be("持续推动招投标领域数字证书兼容互认");
        task.Text.Should().EndWith("即可在省内公益性公共资源交易平台参与投标，实现\u201C一把 CA 走山东\u201D。");
        task.LeadUnitClause.Should().Be("(牵头单位：省发展改革委)");
        task.LeadUnits.Should().Equal("省发展改革委");
        MilestonesShouldBe(task, ("6月底前", D(2022, 6, 30)));
        task.Milestones[0].Clause.Should().Be("实现申领CA后，即可在省内公益性公共资源交易平台参与投标，实现\u201C一把 CA 走山东\u201D");
    }

    [Fact]
    public void Task_103_splits_ascii_bracket_clause_on_dunhao()
    {
        var task = TaskNo(103);
        task.LeadUnitClause.Should().Be("(牵头单位：省发展改革委、省公共资源交易中心)");
        task.LeadUnits.Should().Equal("省发展改革委", "省公共资源交易中心");
        MilestonesShouldBe(task, ("12月底前", D(2022, 12, 31)));
    }

    [Fact]
    public void Task_109_gives_each_milestone_the_words_up_to_the_next_deadline()
    {
        var task = TaskNo(109);
        task.DomainNumber.Should().Be(14);
        task.Title.Should().Be("推进电子证照应用");
        task.LeadUnits.Should().Equal("省大数据局", "省政府办公厅");
        MilestonesShouldBe(task,
            ("4月底前", D(2022, 4, 30)),
            ("6月底前", D(2022, 6, 30)),
            ("12月底前", D(2022, 12, 31)));
        task.Milestones.Select(m => m.Clause).Should().Equal(
            "印发全省免证明基本任务清单",
            "发布首批免证明事项清单",
            "深化省市电子证照系统纵向横向对接，实现电子证照证明跨层级、跨区域、跨部门共享调用，助力\u201C无证明之省\u201D建设");
    }

    [Fact]
    public void Task_114_reads_lead_department_clause_with_unusual_clause_warning()
    {
        var task = TaskNo(114);
        task.DomainNumber.Should().Be(14);
        task.Title.Should().Be("推动取消一批行政权力事项");
        task.LeadUnitClause.Should().Be("（牵头部门：省政府办公厅、省司法厅）");
        task.LeadUnits.Should().Equal("省政府办公厅", "省司法厅");
        task.Text.Should().EndWith("组织编制完成省、市、县三级行政许可事项清单。");
        MilestonesShouldBe(task, ("12月底前", D(2022, 12, 31)));
        WarningsOf(114, WarningKinds.UnusualClause).Should().NotBeEmpty();
    }

    [Fact]
    public void Task_125_reads_ascii_clause_on_next_line_after_trailing_spaces()
    {
        var task = TaskNo(125);
        task.DomainNumber.Should().Be(16);
        task.Title.Should().Be("强化公平竞争审查刚性约束");
        task.Text.Should().Be("强化公平竞争审查刚性约束。6月底前，建立公平竞争审查政策文件抽查、举报处理和回应机制，定期公开公平竞争审查工作情况。9月底前，探索完善公平竞争审查重大政策措施会审制度，推动建立第三方评估制度。");
        task.LeadUnitClause.Should().Be("(牵头单位：省市场监管局)");
        task.LeadUnits.Should().Equal("省市场监管局");
        MilestonesShouldBe(task, ("6月底前", D(2022, 6, 30)), ("9月底前", D(2022, 9, 30)));
        task.Milestones.Select(m => m.Clause).Should().Equal(
            "建立公平竞争审查政策文件抽查、举报处理和回应机制，定期公开公平竞争审查工作情况",
            "探索完善公平竞争审查重大政策措施会审制度，推动建立第三方评估制度");
    }

    [Fact]
    public void Task_164_milestone_clause_runs_across_page_break()
    {
        var task = TaskNo(164);
        task.DomainNumber.Should().Be(19);
        task.LeadUnits.Should().Equal("省司法厅");
        MilestonesShouldBe(task, ("8 月底前", D(2022, 8, 31)), ("9 月底前", D(2022, 9, 30)));
        task.Milestones.Select(m => m.Clause).Should().Equal(
            "制定山东省进一步贯彻实施新修订行政处罚法的具体措施",
            "组织开展\u201C乱罚款\u201D专项监督，重点对是否存在下达罚款指标或罚款任务、随意检查、超标处罚、处罚不公等问题进行监督，发现问题及时督促整改");
    }

    [Fact]
    public void Task_7_milestone_clause_stops_at_semicolon()
    {
        var task = TaskNo(7);
        MilestonesShouldBe(task, ("6月底前", D(2022, 6, 30)), ("8月底前", D(2022, 8, 31)));
        task.Milestones.Select(m => m.Clause).Should().Equal("制定出台标准化服务指南", "纳入省一体化政务服务平台办理");
    }

    // ---------------------------------------------------------------- policy dates

    [Theory]
    [InlineData(153, 2025, "2025 年 12 月 31 日", 0)]
    [InlineData(157, 2023, "2023 年 12 月 31 日", 1)]
    [InlineData(159, 2022, "2022 年 12 月 31 日", 0)]
    public void Policy_validity_date_is_not_a_milestone(int task, int year, string dateText, int milestones)
    {
        var parsed = TaskNo(task);
        var policy = parsed.PolicyDates.Should().ContainSingle().Which;
        policy.Date.Should().Be(D(year, 12, 31));
        policy.Phrase.Should().Contain(dateText);

        parsed.Milestones.Should().HaveCount(milestones);
        parsed.Milestones.Should().NotContain(m => m.Due == D(year, 12, 31) && m.Phrase.Contains("31"));
    }

    [Fact]
    public void Task_157_keeps_its_one_real_deadline()
    {
        MilestonesShouldBe(TaskNo(157), ("4 月底前", D(2022, 4, 30)));
        WarningsOf(157, WarningKinds.NoDeadline).Should().BeEmpty();
    }

    [Fact]
    public void Only_tasks_153_157_159_have_policy_dates()
    {
        Doc.Tasks.Where(t => t.PolicyDates.Count > 0).Select(t => t.Number).Should().Equal(153, 157, 159);
    }

    // ---------------------------------------------------------------- responsibility notes

    [Fact]
    public void Responsibility_note_tasks_have_no_lead_unit_and_a_warning()
    {
        Doc.Tasks.Where(t => t.ResponsibilityNote != null).Select(t => t.Number)
            .Should().Equal(ResponsibilityNoteTasks);

        foreach (var number in ResponsibilityNoteTasks)
        {
            var task = TaskNo(number);
            task.ResponsibilityNote.Should().Be("省有关部门单位按照职责分工负责", $"task {number}");
            task.LeadUnitClause.Should().Be("（省有关部门单位按照职责分工负责）", $"task {number}");
            task.LeadUnits.Should().BeEmpty($"task {number}");
        }

        Doc.Warnings.Where(w => w.Kind == WarningKinds.NoLeadUnit).Select(w => w.Task ?? -1).Order()
            .Should().Equal(ResponsibilityNoteTasks);
    }

    [Fact]
    public void Every_other_task_names_at_least_one_lead_unit()
    {
        foreach (var task in Doc.Tasks.Where(t => !ResponsibilityNoteTasks.Contains(t.Number)))
        {
            task.LeadUnits.Should().NotBeEmpty($"task {task.Number}");
            task.ResponsibilityNote.Should().BeNull($"task {task.Number}");
            task.LeadUnitClause.Should().NotBeNullOrEmpty($"task {task.Number}");
        }
    }

    // ---------------------------------------------------------------- lead units

    [Theory]
    [InlineData(8, new[] { "省发展改革委", "省商务厅", "省市场监管局" })]
    [InlineData(41, new[] { "省商务厅", "青岛海关", "济南海关", "省税务局", "青岛市税务局" })]
    [InlineData(43, new[] { "省交通运输厅", "山东海事局", "民航山东监管局", "民航青岛监管局", "中国铁路济南局集团有限公司", "省港口集团有限公司" })]
    [InlineData(127, new[] { "省化工专项行动办", "省公安厅", "省生态环境厅", "省住房城乡建设厅", "省交通运输厅", "省卫生健康委", "省应急厅", "省市场监管局", "省药监局", "省消防救援总队" })]
    [InlineData(165, new[] { "省委依法治省办", "省国资委", "省司法厅" })]
    public void Import_splits_lead_units_on_dunhao(int task, string[] units)
    {
        TaskNo(task).LeadUnits.Should().Equal(units);
    }

    [Theory]
    [InlineData(26, new[] { "省发展改革委", "省财政厅", "省自然资源厅", "省住房城乡建设厅", "省能源局", "国网山东省电力公司", "各市政府" })]
    [InlineData(40, new[] { "省商务厅", "青岛海关", "济南海关", "青岛市政府" })]
    public void Import_splits_lead_units_on_fullwidth_comma(int task, string[] units)
    {
        TaskNo(task).LeadUnits.Should().Equal(units);
    }

    [Fact]
    public void Lead_units_are_bare_unique_names()
    {
        foreach (var task in Doc.Tasks)
        {
            task.LeadUnits.Should().OnlyHaveUniqueItems($"task {task.Number}");
            foreach (var unit in task.LeadUnits)
            {
                unit.Should().NotBeNullOrWhiteSpace();
                unit.Should().Be(unit.Trim(), $"task {task.Number}");
                unit.IndexOfAny(['、', '，', '：', '（', '）', '(', ')', '〔', '〕', ' ']).Should().Be(-1, $"task {task.Number} unit '{unit}'");
                unit.Should().NotContain("牵头", $"task {task.Number}");
            }
        }
    }

    // ---------------------------------------------------------------- milestones and warnings

    [Fact]
    public void Milestone_due_dates_of_every_task_match_the_document()
    {
        var actual = Doc.Tasks.Where(t => t.Milestones.Count > 0)
            .Select(t => $"{t.Number}: {string.Join(", ", t.Milestones.Select(m => m.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))}");
        var expected = DueDates.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}: {string.Join(", ", kv.Value)}");

        actual.Should().Equal(expected);
        Doc.Tasks.Sum(t => t.Milestones.Count).Should().Be(151);
    }

    [Fact]
    public void Tasks_without_deadline_have_no_milestone_and_a_NoDeadline_warning()
    {
        Doc.Tasks.Where(t => t.Milestones.Count == 0).Select(t => t.Number).Should().Equal(NoDeadlineTasks);

        Doc.Warnings.Where(w => w.Kind == WarningKinds.NoDeadline).Select(w => w.Task ?? -1).Order()
            .Should().Equal(NoDeadlineTasks);
    }

    [Fact]
    public void Every_milestone_is_due_in_2022_except_task_48_range()
    {
        var notIn2022 = Doc.Tasks.SelectMany(t => t.Milestones.Select(m => (t.Number, m.Due))).Where(x => x.Due.Year != 2022);
        notIn2022.Should().Equal((48, D(2023, 6, 30)));
    }

    [Fact]
    public void Every_milestone_phrase_is_in_its_task_text_and_governs_some_words()
    {
        foreach (var task in Doc.Tasks)
        {
            foreach (var milestone in task.Milestones)
            {
                task.Text.Should().Contain(milestone.Phrase, $"task {task.Number}");
                milestone.Clause.Should().NotBeNullOrWhiteSpace($"task {task.Number} {milestone.Phrase}");
                milestone.Clause.Should().Be(milestone.Clause.Trim(), $"task {task.Number} {milestone.Phrase}");
                milestone.Clause.Should().NotEndWith("，", $"task {task.Number} {milestone.Phrase}");
                milestone.Clause.Should().NotContain("。").And.NotContain("；").And.NotContain("\n");
                task.Text.Should().Contain(milestone.Clause, $"task {task.Number} {milestone.Phrase}");
            }
        }
    }

    [Fact]
    public void Every_warning_points_at_a_line()
    {
        Doc.Warnings.Should().NotBeEmpty();
        Doc.Warnings.Should().OnlyContain(w => w.Line > 0);
        Doc.Warnings.Should().OnlyContain(w => !string.IsNullOrWhiteSpace(w.Kind) && !string.IsNullOrWhiteSpace(w.Message));
        Doc.Warnings.Where(w => w.Task != null).Should().OnlyContain(w => w.Task >= 1 && w.Task <= 165);
    }

    // ---------------------------------------------------------------- malformed input

    private static PlanFormatException ShouldReject(Action act)
    {
        var ex = act.Should().Throw<PlanFormatException>().Which;
        ex.Message.Should().NotBeNullOrWhiteSpace();
        ex.Message.Should().MatchRegex(@"\p{IsCJKUnifiedIdeographs}", "the message is for the office, in Chinese");
        return ex;
    }

    private static string[] SourceLines() => Source.Value.Split('\n');

    private static int LineStartingWith(IReadOnlyList<string> lines, string prefix, int occurrence = 1)
    {
        var seen = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].StartsWith(prefix, StringComparison.Ordinal) && ++seen == occurrence)
            {
                return i + 1;
            }
        }

        throw new InvalidOperationException($"no line #{occurrence} starting with {prefix}");
    }

    [Fact]
    public void Empty_text_is_rejected()
    {
        var ex = ShouldReject(() => PlanParser.Parse(""));
        ex.Line.Should().BeInRange(0, 1);
    }

    [Fact]
    public void Empty_bytes_are_rejected()
    {
        var ex = ShouldReject(() => PlanParser.Parse(Array.Empty<byte>()));
        ex.Line.Should().BeInRange(0, 1);
    }

    [Fact]
    public void Whitespace_only_text_is_rejected()
    {
        ShouldReject(() => PlanParser.Parse("  \n\n\t \r\n　\n"));
    }

    [Fact]
    public void Binary_bytes_are_rejected()
    {
        ShouldReject(() => PlanParser.Parse(new byte[] { 0x00, 0xFF, 0xFE, 0x01, 0x02, 0x80, 0x00, 0x7F, 0xC3, 0x28 }));
    }

    [Fact]
    public void Png_image_is_rejected()
    {
        var png = new byte[]
        {
            0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
            0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89,
        };
        ShouldReject(() => PlanParser.Parse(png));
    }

    [Fact]
    public void Document_with_one_invalid_utf8_byte_is_rejected_not_partly_read()
    {
        var bytes = File.ReadAllBytes(SeedPath).ToList();
        var at = Encoding.UTF8.GetByteCount(string.Join('\n', SourceLines().Take(35)) + "\n10. 建设");
        bytes.Insert(at, 0xFF);

        ShouldReject(() => PlanParser.Parse(bytes.ToArray()));
    }

    [Fact]
    public void Text_without_tasks_is_rejected()
    {
        ShouldReject(() => PlanParser.Parse(
            "会议纪要\n\n今天天气很好，大家讨论了午饭吃什么。\nThe quick brown fox jumps over the lazy dog.\n\n二、其他事项\n没有编号的任务。"));
    }

    [Fact]
    public void Skipped_task_number_is_rejected_at_the_line_that_skips()
    {
        var lines = SourceLines().ToList();
        lines.RemoveAt(LineStartingWith(lines, "5. 便利企业分支机构") - 1);
        var expectedLine = LineStartingWith(lines, "6. 推广电子证照联展联用");

        var ex = ShouldReject(() => PlanParser.Parse(string.Join('\n', lines)));
        ex.Line.Should().Be(expectedLine);
    }

    [Fact]
    public void Repeated_task_number_is_rejected_at_the_duplicate_line()
    {
        var lines = SourceLines().ToList();
        var index = LineStartingWith(lines, "3. 探索推广代位注销模式") - 1;
        lines.Insert(index + 1, lines[index]);
        var expectedLine = LineStartingWith(lines, "3. 探索推广代位注销模式", occurrence: 2);

        var ex = ShouldReject(() => PlanParser.Parse(string.Join('\n', lines)));
        ex.Line.Should().Be(expectedLine);
    }

    [Fact]
    public void Skipped_domain_number_is_rejected_at_its_heading()
    {
        var lines = SourceLines();
        const string original = "## （二）工程建设项目审批领域。";
        lines.Count(l => l == original).Should().Be(1, "the test edits exactly one heading");
        var modified = lines.Select(l => l == original ? "## （三）工程建设项目审批领域。" : l).ToList();
        var expectedLine = LineStartingWith(modified, "## （三）工程建设项目审批领域");

        var ex = ShouldReject(() => PlanParser.Parse(string.Join('\n', modified)));
        ex.Line.Should().Be(expectedLine);
    }
}
