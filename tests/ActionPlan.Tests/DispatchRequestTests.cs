using ActionPlan.Web.Features.Dispatch;

namespace ActionPlan.Tests;

/// <summary>The 调度通报's month and as-of date from the URL.</summary>
public class DispatchRequestTests
{
    private static readonly DateOnly Today = new(2022, 6, 20);

    [Fact]
    public void Without_parameters_it_is_this_month_as_of_today()
    {
        DispatchRequest.Parse(null, null, Today).Should().Be(new DispatchRequest(new(2022, 6, 1), Today, null));
    }

    [Fact]
    public void A_past_month_defaults_to_its_last_day()
    {
        DispatchRequest.Parse("2022-02", null, Today).Should().Be(new DispatchRequest(new(2022, 2, 1), new(2022, 2, 28), null));
    }

    [Fact]
    public void A_chosen_date_in_range_is_kept()
    {
        DispatchRequest.Parse("2022-05", "2022-06-10", Today).Should().Be(new DispatchRequest(new(2022, 5, 1), new(2022, 6, 10), null));
    }

    [Theory]
    [InlineData("2022-07", null, "2022-06-01", "2022-06-20", "2022年7月尚未到来")]
    [InlineData("2022/05", null, "2022-06-01", "2022-06-20", "月份“2022/05”无法识别")]
    [InlineData("2022-05", "2022-06-31", "2022-05-01", "2022-05-31", "截至日期“2022-06-31”无法识别")]
    [InlineData("2022-05", "2022-06-21", "2022-05-01", "2022-06-20", "晚于今天")]
    [InlineData("2022-05", "2022-04-30", "2022-05-01", "2022-05-31", "早于2022年5月")]
    public void A_value_that_cannot_be_used_is_replaced_with_a_message(string month, string? asOf, string expectedMonth, string expectedAsOf, string message)
    {
        var request = DispatchRequest.Parse(month, asOf, Today);

        request.Month.Should().Be(DateOnly.Parse(expectedMonth));
        request.AsOf.Should().Be(DateOnly.Parse(expectedAsOf));
        request.Problem.Should().Contain(message);
    }
}
