using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ActionPlan.PlanDocument;

/// <summary>The JSON shape shared by <c>plan parse</c> and <c>plan export</c>: camelCase, UTF-8, Chinese unescaped.</summary>
public static class PlanJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Serialize(ParsedPlan plan) => JsonSerializer.Serialize(plan, Options);

    public static ParsedPlan Deserialize(string json) =>
        JsonSerializer.Deserialize<ParsedPlan>(json, Options) ?? throw new JsonException("empty plan JSON");
}
