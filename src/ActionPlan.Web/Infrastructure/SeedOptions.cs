namespace ActionPlan.Web.Infrastructure;

/// <summary><c>Seed:*</c>: what the first start puts into an empty database.</summary>
public sealed class SeedOptions : IValidatedOptions
{
    public const string Section = "Seed";
    public const string DefaultDemoPassword = "Demo@2022!";

    /// <summary>Import the plan texts when the database holds no plan.</summary>
    public bool ImportPlans { get; set; } = true;

    /// <summary>Folder of the plan texts; empty for the <c>seeds</c> folder next to the app.</summary>
    public string? PlanDirectory { get; set; }

    /// <summary>Initial password of the first administrator; empty to generate one and log it once.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>Create the demo accounts (one per role and per lead unit).</summary>
    public bool DemoUsers { get; set; }

    public string? DemoPassword { get; set; }

    /// <summary>Play a demo history (2022-04-06 to today) into a newly seeded plan; never in Production.</summary>
    public bool DemoHistory { get; set; }

    /// <summary>The folder the plan texts are read from, absolute.</summary>
    public string PlanFolder => Path.GetFullPath(string.IsNullOrWhiteSpace(PlanDirectory) ? Path.Combine(AppContext.BaseDirectory, "seeds") : PlanDirectory);

    /// <summary>The one password of all demo accounts.</summary>
    public string DemoAccountsPassword => string.IsNullOrEmpty(DemoPassword) ? DefaultDemoPassword : DemoPassword;

    /// <summary>A missing plan folder is reported by the import, and only when the database is empty.</summary>
    public IEnumerable<string> Problems()
    {
        if (DemoHistory && !DemoUsers)
        {
            yield return $"{Section}:DemoHistory needs {Section}:DemoUsers=true: the demo history is the work of the demo accounts.";
        }
    }
}
