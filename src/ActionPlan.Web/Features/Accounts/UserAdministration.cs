using System.Text.RegularExpressions;
using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Features.Accounts;

/// <summary>
/// Account management for administrators. Every method checks the caller's scope on the server, runs in
/// its own DI scope (no DbContext outlives the call), and records the change through <see cref="AuditWriter"/>
/// in the same transaction.
/// </summary>
public sealed partial class UserAdministration(IServiceScopeFactory scopes, TimeProvider clock, AuditWriter audit, ILogger<UserAdministration> logger)
{
    private const string NotAllowed = "只有系统管理员可以管理账号。";

    public async Task<IReadOnlyList<UserRow>> ListAsync(AccessScope actor, CancellationToken cancellationToken = default)
    {
        if (!actor.IsAdmin)
        {
            return [];
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = await db.Users.AsNoTracking()
            .OrderBy(u => u.UserName)
            .Select(u => new
            {
                u.Id, u.UserName, u.DisplayName, u.LeadUnitId, Unit = u.LeadUnit != null ? u.LeadUnit.Name : null, u.IsDisabled, u.MustChangePassword, u.LockoutEnd,
                Role = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return rows.Select(u => new UserRow(u.Id, u.UserName ?? "", u.DisplayName, u.Role ?? "", u.LeadUnitId, u.Unit, u.IsDisabled,
            u.MustChangePassword, u.LockoutEnd is { } end && end > now)).ToList();
    }

    public async Task<IReadOnlyList<LeadUnitChoice>> LeadUnitsAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var units = await db.LeadUnits.AsNoTracking().Select(u => new LeadUnitChoice(u.Id, u.Name)).ToListAsync(cancellationToken);
        return units.OrderBy(u => u.Name, StringComparer.Create(new System.Globalization.CultureInfo("zh-CN"), false)).ToList();
    }

    public async Task<AdminResult> CreateAsync(AccessScope actor, NewUser input, CancellationToken cancellationToken = default)
    {
        if (!actor.IsAdmin)
        {
            return AdminResult.Fail(NotAllowed);
        }

        var userName = input.UserName.Trim();
        if (!UserNamePattern().IsMatch(userName))
        {
            return AdminResult.Fail("用户名须为 3–50 个字母、数字或 . _ - 字符。");
        }

        if (RoleProblem(input.Role, input.LeadUnitId) is { } problem)
        {
            return AdminResult.Fail(problem);
        }

        if (input.DisplayName?.Length > 100)
        {
            return AdminResult.Fail("姓名或名称不能超过 100 个字符。");
        }

        return await InTransactionAsync(async (db, users) =>
        {
            if (input.LeadUnitId is { } unit && !await db.LeadUnits.AnyAsync(u => u.Id == unit, cancellationToken))
            {
                return AdminResult.Fail("所选牵头单位不存在。");
            }

            var user = new AppUser
            {
                UserName = userName,
                DisplayName = string.IsNullOrWhiteSpace(input.DisplayName) ? null : input.DisplayName.Trim(),
                LeadUnitId = input.Role == Roles.LeadUnit ? input.LeadUnitId : null,
                MustChangePassword = true,
                CreatedAt = clock.GetUtcNow(),
            };
            var created = await users.CreateAsync(user, input.Password);
            if (!created.Succeeded)
            {
                return AdminResult.Fail(string.Join(" ", created.Errors.Select(e => e.Description)));
            }

            var role = await users.AddToRoleAsync(user, input.Role);
            if (!role.Succeeded)
            {
                return AdminResult.Fail(string.Join(" ", role.Errors.Select(e => e.Description)));
            }

            Audit(db, actor, user, AuditAction.CreateAccount, new(AuditField.Role, null, Describe(input.Role, input.LeadUnitId)));
            return AdminResult.Ok($"已创建账号 {userName}（{Roles.Label(input.Role)}），首次登录须修改初始密码。");
        }, cancellationToken);
    }

    public Task<AdminResult> SetDisabledAsync(AccessScope actor, string userId, bool disabled, CancellationToken cancellationToken = default) =>
        ForUserAsync(actor, userId, async (db, users, user) =>
        {
            if (disabled && string.Equals(user.UserName, actor.UserName, StringComparison.OrdinalIgnoreCase))
            {
                return AdminResult.Fail("不能停用自己的账号。");
            }

            if (user.IsDisabled == disabled)
            {
                return AdminResult.Ok(disabled ? $"账号 {user.UserName} 已是停用状态。" : $"账号 {user.UserName} 已是启用状态。");
            }

            user.IsDisabled = disabled;
            Audit(db, actor, user, disabled ? AuditAction.DisableAccount : AuditAction.EnableAccount, new(AuditField.Disabled, (!disabled).ToString(), disabled.ToString()));
            // A new stamp ends the user's open sessions at their next revalidation (within a minute); the call
            // saves the user's other changes too.
            var updated = await users.UpdateSecurityStampAsync(user);
            if (!updated.Succeeded)
            {
                return AdminResult.Fail(string.Join(" ", updated.Errors.Select(e => e.Description)));
            }
            return AdminResult.Ok(disabled ? $"已停用账号 {user.UserName}，其登录将在一分钟内失效。" : $"已启用账号 {user.UserName}。");
        }, cancellationToken);

    public async Task<AdminResult> ChangeRoleAsync(AccessScope actor, string userId, string role, int? leadUnitId, CancellationToken cancellationToken = default)
    {
        if (actor.IsAdmin && RoleProblem(role, leadUnitId) is { } problem)
        {
            return AdminResult.Fail(problem);
        }

        return await ForUserAsync(actor, userId, async (db, users, user) =>
        {
            if (leadUnitId is { } unit && !await db.LeadUnits.AnyAsync(u => u.Id == unit, cancellationToken))
            {
                return AdminResult.Fail("所选牵头单位不存在。");
            }

            var current = (await users.GetRolesAsync(user)).FirstOrDefault() ?? "";
            if (string.Equals(user.UserName, actor.UserName, StringComparison.OrdinalIgnoreCase) && current == Roles.Admin && role != Roles.Admin)
            {
                return AdminResult.Fail("不能取消自己的系统管理员角色。");
            }

            var before = Describe(current, user.LeadUnitId);
            if (current != role)
            {
                if (current.Length > 0)
                {
                    await users.RemoveFromRoleAsync(user, current);
                }

                await users.AddToRoleAsync(user, role);
            }

            user.LeadUnitId = role == Roles.LeadUnit ? leadUnitId : null;
            Audit(db, actor, user, AuditAction.ChangeRole, new(AuditField.Role, before, Describe(role, user.LeadUnitId)));
            await users.UpdateSecurityStampAsync(user);
            return AdminResult.Ok($"已将账号 {user.UserName} 设为{Roles.Label(role)}。");
        }, cancellationToken);
    }

    public Task<AdminResult> ResetPasswordAsync(AccessScope actor, string userId, string newPassword, CancellationToken cancellationToken = default) =>
        ForUserAsync(actor, userId, async (db, users, user) =>
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var reset = await users.ResetPasswordAsync(user, token, newPassword);
            if (!reset.Succeeded)
            {
                return AdminResult.Fail(string.Join(" ", reset.Errors.Select(e => e.Description)));
            }

            user.MustChangePassword = true;
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            Audit(db, actor, user, AuditAction.ResetPassword, new(AuditField.Password, null, null));
            await users.UpdateAsync(user);
            return AdminResult.Ok($"已重置账号 {user.UserName} 的密码，并解除锁定；该用户下次登录须修改密码。");
        }, cancellationToken);

    private static string? RoleProblem(string role, int? leadUnitId) => role switch
    {
        _ when !Roles.All.Contains(role) => "请选择有效的角色。",
        Roles.LeadUnit when leadUnitId is null => "牵头单位账号必须指定所属牵头单位。",
        _ => null,
    };

    private static string Describe(string role, int? leadUnitId) =>
        leadUnitId is { } unit && role == Roles.LeadUnit ? $"{role}#{unit}" : role;

    private void Audit(AppDbContext db, AccessScope actor, AppUser user, AuditAction action, AuditChange change)
    {
        audit.AccountChanged(db, actor, user, action, change);
        logger.LogInformation("Account {Subject}: {Action} by {Actor} ({Field}: {Old} -> {New})", user.UserName, AuditNames.Of(action), actor.UserName,
            change.StoredField, change.OldValue, change.NewValue);
    }

    /// <summary>An admin-only change of one existing account, in its own transaction.</summary>
    private async Task<AdminResult> ForUserAsync(AccessScope actor, string userId, Func<AppDbContext, UserManager<AppUser>, AppUser, Task<AdminResult>> change, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin)
        {
            return AdminResult.Fail(NotAllowed);
        }

        return await InTransactionAsync(async (db, users) =>
            await users.FindByIdAsync(userId) is { } user ? await change(db, users, user) : AdminResult.Fail("账号不存在。"), cancellationToken);
    }

    /// <summary>Runs <paramref name="change"/> with its own UserManager and DbContext; commits only on success.</summary>
    private async Task<AdminResult> InTransactionAsync(Func<AppDbContext, UserManager<AppUser>, Task<AdminResult>> change, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await change(db, users);
        if (result.Succeeded)
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return result;
    }

    [GeneratedRegex(@"^[A-Za-z0-9._-]{3,50}$")]
    private static partial Regex UserNamePattern();
}
