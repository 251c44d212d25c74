using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace ActionPlan.Web.Infrastructure;

/// <summary>Renders a component to an HTML string, for prerendered markup that is built once and kept.</summary>
public static class StaticHtml
{
    /// <param name="services">The request's services, which the component and its children are created from.</param>
    public static async Task<string> RenderAsync<TComponent>(IServiceProvider services, Dictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        });
    }
}
