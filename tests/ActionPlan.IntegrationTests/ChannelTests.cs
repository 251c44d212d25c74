using System.Security.Cryptography;
using System.Text;
using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Audit;
using ActionPlan.Web.Features.Channels;
using ActionPlan.Web.Features.Deadlines;
using ActionPlan.Web.Features.Rounds;
using ActionPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace ActionPlan.IntegrationTests;

/// <summary>
/// 消息通道 end to end on a real database with a fake clock: alerts and 催报 enqueued with what causes them,
/// delivered to a local robot stand-in and a local SMTP server (no request leaves the machine), retried with
/// back-off, given up and retried by hand, throttled to 20 a minute per robot, and never sent twice.
/// </summary>
public abstract class ChannelTests(DatabaseProvider provider) : IAsyncLifetime
{
    // 省生态环境厅 leads task 16 (due 2022-06-30), which enters 临期 on 15 June.
    private const string Unit = "省生态环境厅";
    private static readonly AccessScope Admin = new("admin", true, null, true, true);
    private static readonly AccessScope Office = new("office1", true, null, true, false);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2022, 6, 14, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = null!;
    private RobotReceiver _robot = null!;
    private SmtpReceiver _smtp = null!;
    private PortalFactory _portal = null!;

    public async Task InitializeAsync()
    {
        _time.SetLocalTimeZone(TimeZoneInfo.Utc);
        _robot = await RobotReceiver.StartAsync();
        _smtp = new SmtpReceiver();
        _database = await TestDatabase.CreateAsync(provider);
        _portal = new PortalFactory(_database)
        {
            // The test drives scans and sender passes itself.
            Settings =
            {
                ["DeadlineWatch:Enabled"] = "false", ["ReportReminders:Enabled"] = "false", ["Channels:Enabled"] = "false", ["Dashboard:Snapshots"] = "false",
                ["Channels:WeComBaseUrl"] = _robot.BaseUrl, ["Channels:DingTalkBaseUrl"] = _robot.BaseUrl + "/dingtalk",
                ["Channels:Smtp:Host"] = "127.0.0.1", ["Channels:Smtp:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Channels:Smtp:Security"] = "None", ["Channels:Smtp:From"] = "平台 <noreply@actionplan.test>",
            },
            Services_ = services => services.AddSingleton<TimeProvider>(_time),
        };
        _portal.CreateClient().Dispose();
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _database.DisposeAsync();
        await _robot.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    private ChannelAdministration Channels => _portal.Services.GetRequiredService<ChannelAdministration>();

    private OutboxSender Sender => _portal.Services.GetRequiredService<OutboxSender>();

    private Task<int> UnitIdAsync(string name = Unit) => _portal.WithDbAsync(db => db.LeadUnits.Where(u => u.Name == name).Select(u => u.Id).SingleAsync());

    private async Task<int> AddChannelAsync(ChannelKind kind, int? unitId, string target, string secret = "", string name = "工作群")
    {
        var saved = await Channels.SaveAsync(Admin, new ChannelInput { Kind = kind, Name = name, LeadUnitId = unitId, Target = target, Secret = secret });
        saved.Succeeded.Should().BeTrue(saved.Message);
        return await _portal.WithDbAsync(db => db.MessageChannels.Where(c => c.Name == name).Select(c => c.Id).SingleAsync());
    }

    private Task<List<OutboxMessage>> OutboxAsync(int channelId) =>
        _portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.ChannelId == channelId).OrderBy(m => m.Id).ToListAsync());

    private string WeComUrl(string key) => $"{_robot.BaseUrl}/cgi-bin/webhook/send?key={key}";

    [Fact]
    public async Task An_alert_for_a_unit_with_a_WeCom_channel_is_posted_once_as_markdown_naming_the_task()
    {
        var channel = await AddChannelAsync(ChannelKind.WeCom, await UnitIdAsync(), WeComUrl("wecom-key-0001"));
        _time.SetUtcNow(new DateTimeOffset(2022, 6, 15, 9, 0, 0, TimeSpan.Zero));

        var scan = await _portal.Services.GetRequiredService<DeadlineScanner>().ScanAsync();
        scan.AlertsRaised.Should().BeGreaterThan(0);
        var queued = await OutboxAsync(channel);
        queued.Should().ContainSingle("one message per channel and scan, whatever the number of alerts");
        var unitAlerts = await _portal.WithDbAsync(db => db.Alerts.CountAsync(a => a.Milestone.PlanTask.LeadUnits.Any(l => l.LeadUnit.Name == Unit)));
        queued[0].Title.Should().Be($"预警：{Unit} {unitAlerts} 项时间节点");

        var pass = await Sender.SendDueAsync();
        var again = await Sender.SendDueAsync();
        (await _portal.Services.GetRequiredService<DeadlineScanner>().ScanAsync()).AlertsRaised.Should().Be(0);
        await Sender.SendDueAsync();

        pass.Sent.Should().Be(1);
        again.Sent.Should().Be(0);
        var request = _robot.Requests.Should().ContainSingle("sent once, and a re-scan raises nothing new").Which;
        request.Path.Should().Be("/cgi-bin/webhook/send");
        request.Query["key"].Should().Be("wecom-key-0001");
        request.Json.GetProperty("msgtype").GetString().Should().Be("markdown");
        var content = request.Json.GetProperty("markdown").GetProperty("content").GetString();
        content.Should().StartWith($"### 【预警】{Unit}").And.Contain("**临期** 任务 16：").And.Contain("（2022-06-30 到期）").And.Contain("截至 2022-06-15");
        (await OutboxAsync(channel)).Single().SentAt.Should().Be(_time.GetUtcNow().UtcDateTime);
        _portal.LogText().Should().NotContain("wecom-key-0001", "a webhook key is never logged");
    }

    [Fact]
    public async Task The_office_groups_DingTalk_robot_gets_every_alert_signed_with_the_secret_and_the_timestamp()
    {
        const string secret = "SECb4c0ffee0123456789abcdef";
        var office = await AddChannelAsync(ChannelKind.DingTalk, null, $"{_robot.BaseUrl}/dingtalk/robot/send?access_token=ding-token-42", secret, "省营转办群");
        var other = await AddChannelAsync(ChannelKind.WeCom, await UnitIdAsync("山东证监局"), "wecom-key-0002", name: "证监局群"); // no deadline at all
        _time.SetUtcNow(new DateTimeOffset(2022, 6, 15, 9, 0, 0, TimeSpan.Zero));

        var scan = await _portal.Services.GetRequiredService<DeadlineScanner>().ScanAsync();
        (await Sender.SendDueAsync()).Sent.Should().Be(1);

        (await OutboxAsync(other)).Should().BeEmpty("no alert concerns that unit");
        var message = (await OutboxAsync(office)).Should().ContainSingle().Which;
        message.Title.Should().Be($"预警：省营转办 {scan.AlertsRaised} 项时间节点");
        message.Body.Should().Contain($"另有 {scan.AlertsRaised - OutboxWriter.ListedAlerts} 项", "only the first lines are listed");
        var request = _robot.Requests.Should().ContainSingle().Which;
        request.Path.Should().Be("/dingtalk/robot/send");
        request.Query["access_token"].Should().Be("ding-token-42");
        var timestamp = long.Parse(request.Query["timestamp"], System.Globalization.CultureInfo.InvariantCulture);
        timestamp.Should().Be(_time.GetUtcNow().ToUnixTimeMilliseconds());
        // The robot's own check, written out independently: base64(HMAC-SHA256(secret, timestamp + "\n" + secret)).
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}\n{secret}")));
        request.Query["sign"].Should().Be(expected, "ASP.NET Core decoded the URL-encoded signature");
        request.Json.GetProperty("msgtype").GetString().Should().Be("markdown");
        request.Json.GetProperty("markdown").GetProperty("title").GetString().Should().Be(message.Title);
        request.Json.GetProperty("markdown").GetProperty("text").GetString().Should().Be(message.Body);
        _portal.LogText().Should().NotContain(secret).And.NotContain("ding-token-42");
    }

    [Fact]
    public async Task A_failing_robot_is_retried_with_back_off_and_the_message_is_sent_once_when_it_recovers()
    {
        var channel = await AddChannelAsync(ChannelKind.WeCom, null, "wecom-key-0003");
        (await Channels.SendTestAsync(Admin, channel)).Succeeded.Should().BeTrue();
        _robot.Answer = (500, "upstream down");

        var first = await Sender.SendDueAsync();
        var message = (await OutboxAsync(channel)).Single();
        first.Retrying.Should().Be(1);
        message.Attempts.Should().Be(1);
        message.LastError.Should().Be("HTTP 500 upstream down");
        message.NextAttemptAt.Should().Be(_time.GetUtcNow().UtcDateTime.AddSeconds(30));

        (await Sender.SendDueAsync()).Should().Be(new SendPassResult(true, 0, 0, 0, 0), "not due before the back-off");
        _time.Advance(TimeSpan.FromSeconds(31));
        _robot.Answer = (200, """{"errcode":93000,"errmsg":"invalid webhook url"}""");
        (await Sender.SendDueAsync()).Retrying.Should().Be(1);
        message = (await OutboxAsync(channel)).Single();
        message.Attempts.Should().Be(2);
        message.LastError.Should().Be("errcode 93000：invalid webhook url");
        message.NextAttemptAt.Should().Be(_time.GetUtcNow().UtcDateTime.AddMinutes(2));

        _time.Advance(TimeSpan.FromMinutes(2));
        _robot.Answer = (200, """{"errcode":0,"errmsg":"ok"}""");
        (await Sender.SendDueAsync()).Sent.Should().Be(1);
        (await Sender.SendDueAsync()).Sent.Should().Be(0);
        _time.Advance(TimeSpan.FromHours(1));
        (await Sender.SendDueAsync()).Sent.Should().Be(0);

        _robot.Requests.Should().HaveCount(3, "two failures and one success, nothing after it");
        (await OutboxAsync(channel)).Single().SentAt.Should().NotBeNull();
        _portal.LogText().Should().Contain("failed (attempt 1)");
    }

    [Fact]
    public async Task After_the_last_attempt_a_message_is_failed_on_the_admin_page_until_retried()
    {
        var channel = await AddChannelAsync(ChannelKind.WeCom, await UnitIdAsync(), "wecom-key-0004");
        (await Channels.SendTestAsync(Admin, channel)).Succeeded.Should().BeTrue();
        _robot.Answer = (503, "");
        var max = _portal.Services.GetRequiredService<ChannelOptions>().MaxAttempts;

        for (var attempt = 1; attempt <= max; attempt++)
        {
            var pass = await Sender.SendDueAsync();
            (pass.Retrying + pass.Dead).Should().Be(1, $"attempt {attempt} is due");
            _time.Advance(ChannelOptions.RetryDelay(attempt) + TimeSpan.FromSeconds(1));
        }

        (await Sender.SendDueAsync()).Failed.Should().Be(0, "given up: no further attempt");
        _robot.Requests.Should().HaveCount(max);
        var dead = await Channels.OutboxAsync(Admin, OutboxState.Dead);
        dead.Dead.Should().Be(1);
        dead.Rows.Should().ContainSingle().Which.Should().Match<OutboxRow>(r => r.Attempts == max && r.LastError == "HTTP 503" && r.Source == OutboxSource.Test);
        (await Channels.ListAsync(Admin)).Single().Dead.Should().Be(1);
        (await Channels.OutboxAsync(Office, OutboxState.Dead)).Rows.Should().BeEmpty("only an administrator reads the outbox");
        (await Channels.RetryAsync(Office, dead.Rows[0].Id)).Succeeded.Should().BeFalse();

        (await Channels.RetryAsync(Admin, dead.Rows[0].Id)).Succeeded.Should().BeTrue();
        _robot.Answer = (200, """{"errcode":0}""");
        (await Sender.SendDueAsync()).Sent.Should().Be(1);
        var after = await Channels.OutboxAsync(Admin, OutboxState.Sent);
        (after.Sent, after.Dead, after.Pending).Should().Be((1, 0, 0));
    }

    [Fact]
    public async Task A_robot_gets_at_most_20_messages_a_minute_and_the_rest_follow_in_the_next_minute()
    {
        var channel = await AddChannelAsync(ChannelKind.WeCom, null, "wecom-key-0005");
        var quiet = await AddChannelAsync(ChannelKind.WeCom, await UnitIdAsync(), "wecom-key-0006", name: "另一机器人");
        for (var i = 0; i < 21; i++)
        {
            (await Channels.SendTestAsync(Admin, channel)).Succeeded.Should().BeTrue();
        }

        (await Channels.SendTestAsync(Admin, quiet)).Succeeded.Should().BeTrue();

        (await Sender.SendDueAsync()).Sent.Should().Be(21, "20 through the busy robot, 1 through the other");
        _time.Advance(TimeSpan.FromSeconds(30));
        (await Sender.SendDueAsync()).Sent.Should().Be(0, "the busy robot's minute is still full");
        var waiting = (await OutboxAsync(channel)).Single(m => m.SentAt is null);
        (waiting.Attempts, waiting.IsDead, waiting.LastError).Should().Be((0, false, null), "waiting is not failing");
        _time.Advance(TimeSpan.FromSeconds(31));
        (await Sender.SendDueAsync()).Sent.Should().Be(1);

        _robot.Requests.Count(r => r.Query["key"] == "wecom-key-0005").Should().Be(21);
        (await OutboxAsync(channel)).Should().OnlyContain(m => m.SentAt != null);
    }

    [Fact]
    public async Task Two_senders_at_once_send_each_message_once()
    {
        var channel = await AddChannelAsync(ChannelKind.WeCom, null, "wecom-key-0007");
        for (var i = 0; i < 12; i++)
        {
            await Channels.SendTestAsync(Admin, channel);
        }

        // A second instance: its own sender object (own in-process guard) on the same database.
        var services = _portal.Services;
        var second = new OutboxSender(services.GetRequiredService<IDbContextFactory<AppDbContext>>(), services.GetRequiredService<ChannelOptions>(),
            services.GetRequiredService<ChannelDelivery>(), _time, NullLogger<OutboxSender>.Instance);
        var passes = await Task.WhenAll(Task.Run(() => Sender.SendDueAsync()), Task.Run(() => second.SendDueAsync()), Task.Run(() => second.SendDueAsync()));
        await Sender.SendDueAsync();

        passes.Sum(p => p.Sent).Should().Be(12);
        _robot.Requests.Should().HaveCount(12);
        _robot.Requests.Select(r => r.Json.GetProperty("markdown").GetProperty("content").GetString()).Should().HaveCount(12);
        (await OutboxAsync(channel)).Should().OnlyContain(m => m.SentAt != null);
        second.Dispose();
    }

    [Fact]
    public async Task A_chase_by_hand_and_an_automatic_reminder_are_sent_to_the_chased_units_channel_only()
    {
        var unit = await UnitIdAsync();
        var channel = await AddChannelAsync(ChannelKind.WeCom, unit, "wecom-key-0008");
        var disabled = await AddChannelAsync(ChannelKind.WeCom, unit, "wecom-key-0009", name: "停用的群");
        (await Channels.SetEnabledAsync(Admin, disabled, false)).Succeeded.Should().BeTrue();
        var officeGroup = await AddChannelAsync(ChannelKind.WeCom, null, "wecom-key-0010", name: "省营转办群");
        var rounds = _portal.Services.GetRequiredService<ReportingRounds>();
        var planId = await _portal.WithDbAsync(db => db.Plans.Select(p => p.Id).SingleAsync());
        var input = RoundInput.Monthly(new DateOnly(2022, 6, 1));
        var opened = await rounds.OpenAsync(Office, planId, input);
        opened.Succeeded.Should().BeTrue(opened.Message);

        (await rounds.ChaseAsync(Office, opened.RoundId!.Value, unit, "请于今日报送")).Succeeded.Should().BeTrue();
        var chase = (await OutboxAsync(channel)).Should().ContainSingle().Which;
        chase.SourceKind.Should().Be(OutboxSource.Chase);
        chase.Title.Should().Be($"催报：{input.Name}");
        chase.Body.Should().Contain($"**{Unit}**：本轮尚有 **").And.Contain($"报送截止 {input.DueOn:yyyy-MM-dd}").And.Contain("> 省营转办：请于今日报送");
        (await OutboxAsync(disabled)).Should().BeEmpty("a disabled channel gets nothing");
        (await OutboxAsync(officeGroup)).Should().BeEmpty("催报 go to the chased unit");

        _time.SetUtcNow(new DateTimeOffset(DateOnly.FromDateTime(input.DueOn!.Value).AddDays(1).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
        (await _portal.Services.GetRequiredService<ReminderScanner>().ScanAsync()).Should().BeGreaterThan(0);
        (await OutboxAsync(channel)).Should().HaveCount(2, "the automatic reminder too");
        (await Sender.SendDueAsync()).Sent.Should().Be(2);
        _robot.Requests.Select(r => r.Query["key"]).Should().Equal("wecom-key-0008", "wecom-key-0008");
    }

    [Fact]
    public async Task An_email_channel_delivers_subject_and_body_through_the_smtp_server()
    {
        var channel = await AddChannelAsync(ChannelKind.Email, await UnitIdAsync(), "a@unit.test; b@unit.test", name: "生态环境厅邮箱");
        (await Channels.SendTestAsync(Admin, channel)).Succeeded.Should().BeTrue();

        (await Sender.SendDueAsync()).Sent.Should().Be(1);

        var mail = _smtp.Messages.Should().ContainSingle().Which;
        mail.To.Should().BeEquivalentTo("a@unit.test", "b@unit.test");
        var message = await MimeMessage.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(mail.Data)));
        message.Subject.Should().Be("测试消息：生态环境厅邮箱");
        message.From.Mailboxes.Single().Address.Should().Be("noreply@actionplan.test");
        message.TextBody.Should().Contain("营商环境行动计划落实跟踪平台").And.Contain("生态环境厅邮箱");

        var withoutSmtp = new ChannelAdministration(_portal.Services.GetRequiredService<IDbContextFactory<AppDbContext>>(), new ChannelOptions(),
            new AuditWriter(_time), _time, NullLogger<ChannelAdministration>.Instance);
        var refused = await withoutSmtp.SaveAsync(Admin, new ChannelInput { Kind = ChannelKind.Email, Name = "邮箱", Target = "c@unit.test" });
        refused.Succeeded.Should().BeFalse();
        refused.Errors[nameof(ChannelInput.Kind)].Should().Contain("未配置邮件服务器");
    }

    [Fact]
    public async Task Channel_input_is_checked_with_messages_at_the_field_and_changes_are_audited_without_keys()
    {
        var unit = await UnitIdAsync();
        async Task<ChannelResult> Save(ChannelInput input) => await Channels.SaveAsync(Admin, input);

        (await Save(new ChannelInput { Kind = ChannelKind.WeCom, Name = " ", Target = "wecom-key-0011" })).Errors.Should().ContainKey(nameof(ChannelInput.Name));
        (await Save(new ChannelInput { Kind = ChannelKind.WeCom, Name = "群", Target = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abcdefgh12" }))
            .Errors[nameof(ChannelInput.Target)].Should().Be($"Webhook 地址须以 {_robot.BaseUrl}/cgi-bin/webhook/send? 开头（平台配置的企业微信服务器地址）。");
        (await Save(new ChannelInput { Kind = ChannelKind.WeCom, Name = "群", Target = $"{_robot.BaseUrl}/cgi-bin/webhook/send?other=1" }))
            .Errors[nameof(ChannelInput.Target)].Should().Be("Webhook 地址中缺少 key 参数。");
        (await Save(new ChannelInput { Kind = ChannelKind.DingTalk, Name = "群", Target = "ding-token-42" })).Errors.Should().ContainKey(nameof(ChannelInput.Secret));
        (await Save(new ChannelInput { Kind = ChannelKind.Email, Name = "群", Target = "not an address" })).Errors[nameof(ChannelInput.Target)].Should().Contain("不是有效的邮件地址");
        (await Channels.SaveAsync(Office, new ChannelInput { Kind = ChannelKind.WeCom, Name = "群", Target = "wecom-key-0011" })).Succeeded.Should().BeFalse("only an administrator");
        (await _portal.WithDbAsync(db => db.MessageChannels.CountAsync())).Should().Be(0);

        var last = await _portal.LastAuditIdAsync();
        var id = await AddChannelAsync(ChannelKind.DingTalk, unit, "ding-token-77", "SECabcdef0123456789", "钉钉群");
        var row = (await Channels.ListAsync(Admin)).Single();
        row.MaskedTarget.Should().Be("ding…n-77");
        (await Channels.SaveAsync(Admin, new ChannelInput { Id = id, Kind = ChannelKind.DingTalk, Name = "钉钉工作群", LeadUnitId = unit, IsEnabled = true }))
            .Succeeded.Should().BeTrue("an empty key and secret keep the stored ones");
        (await _portal.WithDbAsync(db => db.MessageChannels.SingleAsync(c => c.Id == id))).Should().Match<MessageChannel>(c => c.Target == "ding-token-77" && c.Secret == "SECabcdef0123456789");
        (await Channels.DeleteAsync(Admin, id)).Succeeded.Should().BeTrue();

        var audit = await _portal.AuditSinceAsync(last);
        audit.Select(a => (a.Action, a.EntityType, a.EntityKey)).Should().Equal(
            ("CreateChannel", "MessageChannel", id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("EditChannel", "MessageChannel", id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("DeleteChannel", "MessageChannel", id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        audit[0].NewValue.Should().Be($"钉钉机器人“钉钉群” → {Unit}（启用）");
        audit.Should().OnlyContain(a => (a.OldValue ?? "").Contains("ding-token") == false && (a.NewValue ?? "").Contains("SEC") == false);
    }
}

public sealed class SqliteChannelTests() : ChannelTests(DatabaseProvider.Sqlite);

public sealed class PostgresChannelTests() : ChannelTests(DatabaseProvider.Postgres);
