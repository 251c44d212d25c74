using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Rules;
using Microsoft.EntityFrameworkCore;
using ActionPlan.Web.Features.Shared;

namespace ActionPlan.Web.Features.Deadlines;

/// <summary>One digest and the alerts it covers for this user.</summary>
public sealed record NotificationView(long Id, DateTimeOffset CreatedAt, bool IsRead, int AlertCount, IReadOnlyList<AlertView> Alerts);
