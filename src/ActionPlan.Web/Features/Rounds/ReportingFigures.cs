namespace ActionPlan.Web.Features.Rounds;

/// <summary>
/// 报送与督办: one round's reports per lead unit (the round is null when the plan has none), the open
/// 督办单 by level, and the extensions granted: approved 延期申请 and the milestones whose deadline an
/// extension moved (<c>OriginalDue</c> set). All within one scope.
/// </summary>
public sealed record ReportingFigures(
    RoundHeading? Round, RoundFigures Totals, IReadOnlyList<UnitReportFigures> Units, SlipCounts Slips, int ExtensionsApproved, int MilestonesMoved)
{
    /// <summary>The dispatch report's sentence; every number in it is one its table and sheet show.</summary>
    public string Sentence
    {
        get
        {
            var reports = Round is null ? "本月暂无调度轮次；"
                : $"本月调度应报送{Totals.Expected}份，按时报送{Totals.OnTime}份，逾期报送{Totals.Late}份，未报送{Totals.Missing}份；";
            return reports + $"现有督办单{Slips.Total}件（红色{Slips.Red}件、黄色{Slips.Yellow}件、蓝色{Slips.Blue}件）；批准延期{MilestonesMoved}个时间节点。";
        }
    }
}
