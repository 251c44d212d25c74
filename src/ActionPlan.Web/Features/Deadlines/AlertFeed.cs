using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Rules;
using ActionPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using ActionPlan.Web.Features.Shared;

namespace ActionPlan.Web.Features.Deadlines;

/// <summary>Tells open pages (the bell) that new alerts exist, so they refresh without a reload.</summary>
public sealed class AlertFeed
{
    public event Action? AlertsRaised;

    public void Publish() => AlertsRaised?.Invoke();
}
