using MailKit;
using MailKit.Net.Smtp;
using MimeKit;

namespace ActionPlan.Web.Features.Channels;

/// <summary>Sends one message as plain-text e-mail (the markdown reads as text) over the configured SMTP server with MailKit.</summary>
public sealed class MailSender(ChannelOptions options)
{
    /// <summary>Splits a channel's addresses ("a@x.cn; b@y.cn", commas or semicolons).</summary>
    public static IReadOnlyList<string> Addresses(string target) =>
        target.Split([';', ',', '；', '，'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public async Task<DeliveryOutcome> SendAsync(string target, string subject, string body, CancellationToken cancellationToken)
    {
        var smtp = options.Smtp;
        if (!smtp.IsConfigured)
        {
            return DeliveryOutcome.Failed("未配置 SMTP 服务器（Channels:Smtp:Host），邮件无法发送");
        }

        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From!));
        foreach (var address in Addresses(target))
        {
            message.To.Add(MailboxAddress.Parse(address));
        }

        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };

        using var client = new SmtpClient { Timeout = (int)options.RequestTimeout.TotalMilliseconds };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.Security, timeout.Token);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", timeout.Token);
            }

            await client.SendAsync(message, timeout.Token);
            await client.DisconnectAsync(quit: true, timeout.Token);
            return DeliveryOutcome.Success;
        }
        catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or ServiceNotAuthenticatedException
                                       or MailKit.Security.AuthenticationException or System.Net.Sockets.SocketException or IOException or TimeoutException)
        {
            return DeliveryOutcome.Failed($"SMTP：{ex.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryOutcome.Failed($"SMTP 超时（{options.RequestTimeout.TotalSeconds:0} 秒）");
        }
    }
}
