using ActionPlan.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace ActionPlan.Web.Features.Demo;

public static class DemoServices
{
    /// <summary>The demo history and its 演示数据 marker; <c>Seed:DemoHistory</c> stops start-up in Production.</summary>
    public static IServiceCollection AddDemoHistory(this IServiceCollection services, IWebHostEnvironment environment)
    {
        services.AddSingleton<DemoMarker>();
        services.AddSingleton<DemoHistory>();
        services.AddSingleton<IValidateOptions<SeedOptions>>(new NotInProduction(environment));
        return services;
    }

    private sealed class NotInProduction(IWebHostEnvironment environment) : IValidateOptions<SeedOptions>
    {
        public ValidateOptionsResult Validate(string? name, SeedOptions options) =>
            options.DemoHistory && environment.IsProduction()
                ? ValidateOptionsResult.Fail($"{SeedOptions.Section}:DemoHistory is refused in Production: demo records must never mix with an office's real work.")
                : ValidateOptionsResult.Success;
    }
}
