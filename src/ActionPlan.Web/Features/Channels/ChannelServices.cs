using ActionPlan.Web.Infrastructure;

namespace ActionPlan.Web.Features.Channels;

public static class ChannelServices
{
    /// <summary>
    /// 消息通道: the <c>Channels:*</c> settings, the outbox writer the scanners use, delivery (an HTTP client with
    /// the request timeout, MailKit), the administration and (when <paramref name="background"/> and
    /// <c>Channels:Enabled</c>) the background sender.
    /// </summary>
    public static IServiceCollection AddChannels(this IServiceCollection services, IConfiguration configuration, bool background)
    {
        services.AddValidatedOptions<ChannelOptions>(ChannelOptions.Section);
        services.AddSingleton<OutboxWriter>();
        services.AddHttpClient(ChannelDelivery.HttpClientName, (provider, client) => client.Timeout = provider.GetRequiredService<ChannelOptions>().RequestTimeout)
            // A robot answers itself; following a redirect would take the message (and the key's address) elsewhere.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = true });
        services.AddSingleton<MailSender>();
        services.AddSingleton<ChannelDelivery>();
        services.AddSingleton<ChannelAdministration>();
        services.AddSingleton<OutboxSender>();
        if (background && configuration.GetValue($"{ChannelOptions.Section}:{nameof(ChannelOptions.Enabled)}", true))
        {
            services.AddHostedService(provider => provider.GetRequiredService<OutboxSender>());
        }

        return services;
    }
}
