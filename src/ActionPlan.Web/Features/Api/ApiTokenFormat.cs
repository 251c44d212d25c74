using System.Security.Cryptography;
using System.Text;
using ActionPlan.Data.Configurations;
using Microsoft.AspNetCore.WebUtilities;

namespace ActionPlan.Web.Features.Api;

/// <summary>
/// What an API token looks like: <c>ap_</c> and 32 random bytes in base64url (46 characters). The database
/// keeps only its SHA-256 hash and its first characters.
/// </summary>
public static class ApiTokenFormat
{
    public const string Marker = "ap_";

    /// <summary>3 + 43 characters: the marker and 32 bytes in unpadded base64url.</summary>
    public const int Length = 46;

    public static string Generate() => Marker + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    /// <summary>Marker, length and alphabet; anything else is not looked up.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: Length } && token.StartsWith(Marker, StringComparison.Ordinal)
        && token.AsSpan(Marker.Length).IndexOfAnyExcept(Base64UrlAlphabet) < 0;

    /// <summary>SHA-256 of the token's UTF-8 bytes, lower-case hex: what the database stores and looks up.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The first characters, shown in the owner's list so tokens can be told apart.</summary>
    public static string PrefixOf(string token) => token[..ApiTokenConfiguration.PrefixLength];

    private static readonly System.Buffers.SearchValues<char> Base64UrlAlphabet =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
}
