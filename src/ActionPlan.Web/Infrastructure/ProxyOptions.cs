using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace ActionPlan.Web.Infrastructure;

/// <summary>
/// <c>Proxy:*</c>: the reverse proxies (nginx) whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> the portal
/// believes, so that behind a proxy ending TLS it builds <c>https://</c> addresses and logs the client's address.
/// Empty: only a proxy on this machine (loopback) is believed, ASP.NET Core's default; a header from anyone else
/// is ignored, so a client cannot claim another address.
/// </summary>
public sealed class ProxyOptions : IValidatedOptions
{
    public const string Section = "Proxy";

    /// <summary>Addresses of proxies, e.g. <c>10.0.0.5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of proxies, e.g. <c>10.0.0.0/24</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    public IEnumerable<string> Problems()
    {
        for (var i = 0; i < KnownProxies.Length; i++)
        {
            if (!IPAddress.TryParse(KnownProxies[i], out _))
            {
                yield return $"{Section}:KnownProxies:{i} '{KnownProxies[i]}' is not an IP address.";
            }
        }

        for (var i = 0; i < KnownNetworks.Length; i++)
        {
            if (!System.Net.IPNetwork.TryParse(KnownNetworks[i], out _))
            {
                yield return $"{Section}:KnownNetworks:{i} '{KnownNetworks[i]}' is not a network such as 10.0.0.0/24.";
            }
        }
    }

    public void Apply(ForwardedHeadersOptions options)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        if (KnownProxies.Length == 0 && KnownNetworks.Length == 0)
        {
            return;
        }

        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }
}
