using System.Diagnostics;

namespace ActionPlan.IntegrationTests;

/// <summary>
/// A bad setting stops the portal at start-up, before it touches the database, with a message naming the
/// key. Run as an operator would: the real program, the setting on its command line.
/// </summary>
public sealed class SettingsValidationTests
{
    [Theory]
    [InlineData("DeadlineWatch:UrgentDays", "-1")]
    [InlineData("DeadlineWatch:ApproachingDays", "abc")]
    [InlineData("DeadlineWatch:ScanInterval", "00:00:00")]
    [InlineData("Dashboard:CacheSeconds", "-5")]
    [InlineData("Clock:Today", "2022/06/20")]
    [InlineData("Clock:TimeZone", "Mars/Olympus_Mons")]
    [InlineData("Security:SignInAttemptsPerMinute", "0")]
    [InlineData("Api:RequestsPerMinute", "0")]
    [InlineData("Channels:SendInterval", "00:00:00")]
    [InlineData("Channels:WeComBaseUrl", "ftp://qyapi.weixin.qq.com")]
    [InlineData("Channels:MaxAttempts", "0")]
    [InlineData("Instance:Name", "a;b")]
    [InlineData("Proxy:KnownNetworks:0", "10.0.0.0/99")]
    public async Task A_bad_value_stops_start_up_naming_its_key(string key, string value)
    {
        var data = Directory.CreateTempSubdirectory("actionplan-settings-");
        try
        {
            var (exitCode, errors) = await RunPortalAsync($"--{key}={value}", $"--Database:DataDirectory={data.FullName}");

            exitCode.Should().Be(1);
            errors.Should().Contain("配置有误，无法启动").And.Contain(key);
            data.GetFiles().Should().BeEmpty("nothing is written before the settings are checked");
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Production_refuses_the_demo_history()
    {
        var data = Directory.CreateTempSubdirectory("actionplan-settings-");
        try
        {
            var (exitCode, errors) = await RunPortalAsync("--Seed:DemoUsers=true", "--Seed:DemoHistory=true", $"--Database:DataDirectory={data.FullName}");

            exitCode.Should().Be(1);
            errors.Should().Contain("配置有误，无法启动").And.Contain("Seed:DemoHistory is refused in Production");
            data.GetFiles().Should().BeEmpty("nothing is written before the settings are checked");
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Errors)> RunPortalAsync(params string[] arguments)
    {
        var web = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = Path.GetDirectoryName(web)! };
        start.ArgumentList.Add(web);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await errors + await output);
    }
}
