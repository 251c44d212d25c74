using ActionPlan.Data;
using ActionPlan.Data.Configurations;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Audit;
using ActionPlan.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Features.Api;

/// <summary>
/// A signed-in user's own API tokens: create (the token is returned once, only its hash is kept), list and
/// revoke. Creating and revoking are audited in the same save. Times are real time (never the 模拟日期): a
/// token's expiry is security, not a figure.
/// </summary>
public sealed class ApiTokenService(IDbContextFactory<AppDbContext> contexts, AuditWriter audit, TimeProvider time, ClockOptions clock)
{
    /// <summary>Active tokens one account may hold at a time.</summary>
    public const int MaxActivePerUser = 20;

    /// <summary>Today in <c>Clock:TimeZone</c>, real time: the earliest expiry date that can be chosen.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), clock.Zone).DateTime);

    /// <summary>A stored instant in the office's time zone.</summary>
    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, clock.Zone);

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>The owner's tokens, newest first.</summary>
    public async Task<IReadOnlyList<ApiTokenView>> ListAsync(AccessScope owner, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ApiTokens.AsNoTracking()
            .Where(t => t.User.UserName == owner.UserName)
            .OrderByDescending(t => t.Id)
            .Select(t => new ApiTokenView(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// A new token for the owner, valid through <paramref name="expiresOn"/> (the end of that day in
    /// <c>Clock:TimeZone</c>) or until revoked.
    /// </summary>
    public async Task<ApiTokenCreation> CreateAsync(AccessScope owner, string? name, DateOnly? expiresOn, CancellationToken cancellationToken = default)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return ApiTokenCreation.Refused("请填写令牌名称。", ApiTokenCreation.NameField);
        }

        if (trimmed.Length > ApiTokenConfiguration.NameLength)
        {
            return ApiTokenCreation.Refused($"令牌名称最多 {ApiTokenConfiguration.NameLength} 个字符。", ApiTokenCreation.NameField);
        }

        if (expiresOn is { } day && day < Today)
        {
            return ApiTokenCreation.Refused("有效期不能早于今天。", ApiTokenCreation.ExpiryField);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var user = await db.Users.Where(u => u.UserName == owner.UserName && owner.UserName != "")
            .Select(u => new { u.Id, u.IsDisabled, Tokens = db.ApiTokens.Where(t => t.UserId == u.Id && t.RevokedAt == null).Select(t => t.ExpiresAt).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        if (user is null || user.IsDisabled)
        {
            return ApiTokenCreation.Refused("当前账号不能创建令牌。");
        }

        if (user.Tokens.Count(expires => expires is null || expires > now) >= MaxActivePerUser)
        {
            return ApiTokenCreation.Refused($"每个账号最多有 {MaxActivePerUser} 个有效令牌，请先撤销不再使用的令牌。");
        }

        var token = ApiTokenFormat.Generate();
        var entity = new ApiToken
        {
            UserId = user.Id,
            Name = trimmed,
            Prefix = ApiTokenFormat.PrefixOf(token),
            Hash = ApiTokenFormat.Hash(token),
            CreatedAt = now,
            ExpiresAt = expiresOn is { } last ? EndOfDay(last) : null,
        };
        // The audit row names the token's id, known once the token is saved: two saves, one transaction.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.ApiTokens.Add(entity);
            await db.SaveChangesAsync(cancellationToken);
            audit.ApiTokenChanged(db, owner, entity, AuditAction.CreateApiToken, new AuditChange(AuditField.ApiToken, null, Describe(entity)));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return new ApiTokenCreation(token, new ApiTokenView(entity.Id, entity.Name, entity.Prefix, entity.CreatedAt, entity.ExpiresAt, null, null), null);
    }

    /// <summary>Revokes one of the owner's tokens; false when it is not theirs or already revoked.</summary>
    public async Task<bool> RevokeAsync(AccessScope owner, int tokenId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var token = await db.ApiTokens.Where(t => t.Id == tokenId && t.User.UserName == owner.UserName && owner.UserName != "" && t.RevokedAt == null)
            .FirstOrDefaultAsync(cancellationToken);
        if (token is null)
        {
            return false;
        }

        token.RevokedAt = time.GetUtcNow();
        audit.ApiTokenChanged(db, owner, token, AuditAction.RevokeApiToken, new AuditChange(AuditField.ApiToken, Describe(token), "已撤销"));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The first moment after <paramref name="day"/> in the office's time zone.</summary>
    private DateTimeOffset EndOfDay(DateOnly day)
    {
        var local = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, clock.Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The last day a token works, in the office's time zone (it stops at the midnight after it); null: until revoked.</summary>
    public DateOnly? LastDay(DateTimeOffset? expiresAt) => expiresAt is { } expires ? DateOnly.FromDateTime(Local(expires).AddTicks(-1).DateTime) : null;

    private string Describe(ApiToken token) =>
        $"{token.Name}（{token.Prefix}…，" + (LastDay(token.ExpiresAt) is { } last ? $"有效期至 {StatusText.ShortDate(last)}）" : "长期有效）");
}
