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

    public List<Domain> Domains { get; set; } = [];
    public List<PlanTask> Tasks { get; set; } = [];
    public List<Measure> Measures { get; set; } = [];
    public List<ImportWarning> ImportWarnings { get; set; } = [];
}

/// <summary>A numbered area of a plan, （一）开办企业领域.</summary>
public class Domain
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan Plan { get; set; } = null!;
    public int Number { get; set; }
    public required string Name { get; set; }
    public int SourceLine { get; set; }
    public List<PlanTask> Tasks { get; set; } = [];
}

/// <summary>The plan's closing implementation measures (推进措施); not tasks.</summary>
public class Measure
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan Plan { get; set; } = null!;
    public int Number { get; set; }
    public required string Title { get; set; }
    public required string Text { get; set; }
    public string? LeadUnitClause { get; set; }
    public int SourceLine { get; set; }
    public List<MeasureLeadUnit> LeadUnits { get; set; } = [];
}

public class MeasureLeadUnit
{
    public int MeasureId { get; set; }
    public Measure Measure { get; set; } = null!;
    public int LeadUnitId { get; set; }
    public LeadUnit LeadUnit { get; set; } = null!;

    /// <summary>Order in which the plan names the unit.</summary>
    public int Position { get; set; }
}

/// <summary>A place where the importer had to judge; kept with the plan so the office can review it.</summary>
public class ImportWarning
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan Plan { get; set; } = null!;
    public int Position { get; set; }
    public int Line { get; set; }
    public int? TaskNumber { get; set; }
    public required string Kind { get; set; }
    public required string Message { get; set; }
}
