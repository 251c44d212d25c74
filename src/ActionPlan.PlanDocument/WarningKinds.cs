namespace ActionPlan.PlanDocument;

public static class WarningKinds
{
    public const string NoDeadline = "NoDeadline";
    public const string NoLeadUnit = "NoLeadUnit";
    public const string UnusualClause = "UnusualClause";
    public const string SeveralClauses = "SeveralClauses";
    public const string DescribedUnit = "DescribedUnit";
    public const string JoinedPageBreak = "JoinedPageBreak";
    public const string DateNotDeadline = "DateNotDeadline";
    public const string UnplacedLine = "UnplacedLine";
}
