using MailKit.Security;
using MimeKit;

namespace ActionPlan.Web.Features.Channels;

/// <summary><c>Channels:Smtp:*</c>: the mail server e-mail channels send through; without a host there are no e-mail channels.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>MailKit's <see cref="SecureSocketOptions"/>: Auto, None, StartTls, StartTlsWhenAvailable or SslOnConnect.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender address, such as "营商环境平台 &lt;noreply@example.gov.cn&gt;".</summary>
    public string? From { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public IEnumerable<string> Problems(string section)
    {
        if (!IsConfigured)
        {
            yield break;
        }

        if (Port is < 1 or > 65535)
        {
            yield return $"{section}:Port must be between 1 and 65535 (is {Port}).";
        }

        if (!MailboxAddress.TryParse(From ?? "", out _))
        {
            yield return $"{section}:From must be a mail address such as noreply@example.gov.cn when {section}:Host is set (is '{From}').";
        }

        if (!string.IsNullOrEmpty(UserName) && string.IsNullOrEmpty(Password))
        {
            yield return $"{section}:Password is required when {section}:UserName is set.";
        }
    }
}
