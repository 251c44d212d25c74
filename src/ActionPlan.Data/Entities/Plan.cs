namespace ActionPlan.Data.Entities;

/// <summary>One official plan document (a year's plan). The portal can hold several.</summary>
public class Plan
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public required string DocumentNumber { get; set; }
    public int Year { get; set; }
    public string? Objective { get; set; }

    /// <summary>SHA-256 of the imported file (hex); unique, so a file is never imported twice.</summary>
    public required string SourceHash { get; set; }

    public required string SourceName { get; set; }
    public DateTimeOffset ImportedAt { get; set; }

    /// <summary>
    /// Set when the plan is archived (read-only: shown, never changed; no alerts). A newer year's import archives the
    /// older running plans; the office may re-open one, which clears it.
    /// </summary>
    public DateTimeOffset? ArchivedAt { get; set; }

    public string? ArchivedBy { get; set; }

    public List<Domain> Domains { get; set; } = [];
    public List<PlanTask> Tasks { get; set; } = [];
    public List<Measure> Measures { get; set; } = [];
    public List<ImportWarning> ImportWarnings { get; set; } = [];
}
