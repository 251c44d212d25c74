using ActionPlan.Web.Features.Shared;
using Microsoft.Extensions.Time.Testing;

namespace ActionPlan.Tests.Shared;

public class PortalClockTests
{
    [Fact]
    public void Today_is_Beijings_date_whatever_the_servers_zone()
    {
        // 17:30 UTC on 19 June is 01:30 on 20 June in Beijing.
        var time = new FakeTimeProvider(new DateTimeOffset(2022, 6, 19, 17, 30, 0, TimeSpan.Zero));
        time.SetLocalTimeZone(TimeZoneInfo.Utc);

        new PortalClock(time, new ClockOptions()).Today.Should().Be(new DateOnly(2022, 6, 20));
        new PortalClock(time, new ClockOptions { TimeZone = "UTC" }).Today.Should().Be(new DateOnly(2022, 6, 19));
    }

    [Fact]
    public void Stored_times_are_shown_in_Beijing_time()
    {
        var clock = new PortalClock(new FakeTimeProvider(), new ClockOptions());

        var shown = clock.Local(new DateTimeOffset(2022, 6, 19, 17, 30, 0, TimeSpan.Zero));

        shown.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture).Should().Be("2022-06-20 01:30");
        clock.Local((DateTimeOffset?)null).Should().BeNull();
    }

    [Fact]
    public void A_simulated_date_is_today_for_the_whole_portal_and_caps_the_date_pickers()
    {
        var clock = new PortalClock(new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero)), new ClockOptions { Today = "2022-06-20" });

        clock.IsSimulated.Should().BeTrue();
        clock.Today.Should().Be(new DateOnly(2022, 6, 20));
        clock.TodayAsDateTime.Should().Be(new DateTime(2022, 6, 20));
    }

    [Theory]
    [InlineData("2022/06/20", null, "Clock:Today")]
    [InlineData("", "Nowhere/Atlantis", "Clock:TimeZone")]
    public void Bad_clock_settings_name_their_key(string today, string? zone, string key)
    {
        var options = new ClockOptions { Today = today, TimeZone = zone ?? "Asia/Shanghai" };

        options.Problems().Should().ContainSingle().Which.Should().StartWith(key);
    }
}
