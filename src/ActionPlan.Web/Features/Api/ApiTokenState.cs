namespace ActionPlan.Web.Features.Api;

/// <summary>有效 / 已过期 / 已撤销.</summary>
public enum ApiTokenState
{
    Active,
    Expired,
    Revoked,
}
