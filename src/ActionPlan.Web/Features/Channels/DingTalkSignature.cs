using System.Security.Cryptography;
using System.Text;

namespace ActionPlan.Web.Features.Channels;

/// <summary>钉钉's 加签: base64 of HMAC-SHA256 over "timestamp\nsecret" keyed with the secret, URL-encoded.</summary>
public static class DingTalkSignature
{
    public static string Sign(long timestampMilliseconds, string secret)
    {
        var text = $"{timestampMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}\n{secret}";
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(text));
        return Uri.EscapeDataString(Convert.ToBase64String(hash));
    }
}
