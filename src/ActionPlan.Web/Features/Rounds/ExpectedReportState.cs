namespace ActionPlan.Web.Features.Rounds;

/// <summary>Where one expected report of a round stands.</summary>
public enum ExpectedReportState
{
    /// <summary>未报送: nothing submitted yet (a draft does not count).</summary>
    Missing,

    /// <summary>待审核: submitted, waiting for the office.</summary>
    Submitted,

    /// <summary>已通过.</summary>
    Approved,

    /// <summary>已退回: returned; the unit revises and submits again.</summary>
    Returned,
}
