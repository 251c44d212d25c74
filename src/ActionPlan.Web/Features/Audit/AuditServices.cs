namespace ActionPlan.Web.Features.Audit;

public static class AuditServices
{
    /// <summary>操作记录: the one writer of audit rows, used by every feature that changes data.</summary>
    public static IServiceCollection AddAuditTrail(this IServiceCollection services) => services.AddSingleton<AuditWriter>();
}
