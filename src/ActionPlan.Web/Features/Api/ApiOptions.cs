using ActionPlan.Web.Infrastructure;

namespace ActionPlan.Web.Features.Api;

/// <summary><c>Api:*</c>: the REST API's request limit.</summary>
public sealed class ApiOptions : IValidatedOptions
{
    public const string Section = "Api";

    /// <summary>Requests one API token may make per minute; more get HTTP 429 with Retry-After.</summary>
    public int RequestsPerMinute { get; set; } = 120;

    public IEnumerable<string> Problems()
    {
        if (RequestsPerMinute < 1)
        {
            yield return $"{Section}:RequestsPerMinute must be 1 or more (is {RequestsPerMinute}).";
        }
    }
}
