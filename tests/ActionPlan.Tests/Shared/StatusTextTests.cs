using ActionPlan.Web.Features.Shared;

namespace ActionPlan.Tests.Shared;

public class StatusTextTests
{
    [Theory]
    [InlineData("开办企业领域", "开办企业")]
    [InlineData("保护中小投资者领域", "保护中小")]
    [InlineData("纳税服务领域。", "纳税服务")]
    [InlineData("政务服务", "政务服务")]
    [InlineData("法治", "法治")]
    public void Chart_domain_names_drop_the_suffix_and_keep_four_characters(string name, string shortName) =>
        StatusText.ShortDomainName(name).Should().Be(shortName);
}
