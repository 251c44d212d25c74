using System.Text.RegularExpressions;

namespace ActionPlan.Web.Infrastructure;

/// <summary>
/// <c>Instance:Name</c>: this process's name when several instances serve one database behind a proxy (e.g. <c>a</c>,
/// <c>b</c>). Empty for a single instance: then no affinity cookie and no instance header are sent.
/// </summary>
public sealed partial class InstanceOptions : IValidatedOptions
{
    public const string Section = "Instance";

    public string? Name { get; set; }

    public bool IsNamed => !string.IsNullOrWhiteSpace(Name);

    public IEnumerable<string> Problems()
    {
        // The name travels as a cookie value and is matched by the proxy's map: keep it to plain characters.
        if (IsNamed && !PlainName().IsMatch(Name!))
        {
            yield return $"{Section}:Name '{Name}' may only hold letters, digits, '-' and '_' (at most 32).";
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex PlainName();
}
