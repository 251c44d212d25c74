using Microsoft.Extensions.Options;

namespace ActionPlan.Web.Infrastructure;

public static class OptionsRegistration
{
    /// <summary>
    /// Binds <typeparamref name="T"/> to the configuration <paramref name="section"/>, checks it when the host
    /// starts (a bad value stops start-up with a message naming the key) and registers the bound value itself,
    /// so services take <typeparamref name="T"/> rather than <c>IOptions&lt;T&gt;</c>.
    /// </summary>
    public static IServiceCollection AddValidatedOptions<T>(this IServiceCollection services, string section)
        where T : class, IValidatedOptions
    {
        services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<T>, Validation<T>>();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<T>>().Value);
        return services;
    }

    private sealed class Validation<T> : IValidateOptions<T>
        where T : class, IValidatedOptions
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var problems = options.Problems().ToList();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
