using System.Security.Cryptography;
using ActionPlan.Data;
using ActionPlan.Data.Entities;
using ActionPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Features.Accounts;

/// <summary>
/// First start: the roles, one Admin (password from <c>Seed:AdminPassword</c> or generated and logged once,
/// to be changed at first sign-in) and, in demo mode (<c>Seed:DemoUsers</c>), one account per role and per
/// lead unit sharing <c>Seed:DemoPassword</c>.
/// </summary>
public sealed class AccountSeeder(
    IServiceScopeFactory scopes,
    IDbContextFactory<AppDbContext> contexts,
    SeedOptions seed,
    TimeProvider clock,
    ILogger<AccountSeeder> logger)
{
    public const string AdminUserName = "admin";
    public bool DemoMode => seed.DemoUsers;

    public string DemoPassword => seed.DemoAccountsPassword;

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();

        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await Tolerate(roles.CreateAsync(new IdentityRole(role)), $"role {role}");
            }
        }

        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count == 0 && await users.FindByNameAsync(AdminUserName) is null)
        {
            var configured = seed.AdminPassword;
            var password = string.IsNullOrEmpty(configured) ? GeneratePassword() : configured;
            if (await CreateAsync(users, AdminUserName, "系统管理员", Roles.Admin, null, password, mustChange: true) && string.IsNullOrEmpty(configured))
            {
                // The one time this password is written anywhere; it must be changed at first sign-in.
                logger.LogWarning("Created the first administrator '{UserName}' with the generated password {InitialPassword}; it must be changed at first sign-in", AdminUserName, password);
            }
            else
            {
                logger.LogInformation("Created the first administrator '{UserName}' with the configured Seed:AdminPassword", AdminUserName);
            }
        }

        if (!DemoMode)
        {
            return;
        }

        foreach (var account in await DemoAccountsAsync(cancellationToken))
        {
            if (await users.FindByNameAsync(account.UserName) is not null)
            {
                continue;
            }

            int? unitId = null;
            if (account.LeadUnit is not null)
            {
                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                unitId = await db.LeadUnits.Where(u => u.Name == account.LeadUnit).Select(u => (int?)u.Id).FirstOrDefaultAsync(cancellationToken);
            }

            await CreateAsync(users, account.UserName, account.LeadUnit ?? Roles.Label(account.Role), account.Role, unitId, DemoPassword, mustChange: false);
        }
    }

    /// <summary>
    /// office, leader and unit01… — units numbered in the order the current plan first names them, so the
    /// same plan always gives the same user names.
    /// </summary>
    public async Task<IReadOnlyList<DemoAccount>> DemoAccountsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var planId = await db.Plans.OrderByDescending(p => p.Year).ThenByDescending(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
        var named = await db.PlanTaskLeadUnits.Where(l => l.PlanTask.PlanId == planId)
            .OrderBy(l => l.PlanTask.Number).ThenBy(l => l.Position)
            .Select(l => l.LeadUnit.Name)
            .ToListAsync(cancellationToken);
        var units = named.Distinct(StringComparer.Ordinal).ToList();

        var accounts = new List<DemoAccount> { new("office", Roles.Office, null), new("leader", Roles.Leadership, null) };
        accounts.AddRange(units.Select((unit, i) => new DemoAccount($"unit{i + 1:00}", Roles.LeadUnit, unit)));
        return accounts;
    }

    private async Task<bool> CreateAsync(UserManager<AppUser> users, string userName, string displayName, string role, int? unitId, string password, bool mustChange)
    {
        var user = new AppUser
        {
            UserName = userName,
            DisplayName = displayName,
            LeadUnitId = unitId,
            MustChangePassword = mustChange,
            CreatedAt = clock.GetUtcNow(),
        };
        if (!await Tolerate(users.CreateAsync(user, password), $"user {userName}"))
        {
            return false;
        }

        await Tolerate(users.AddToRoleAsync(user, role), $"role of {userName}");
        return true;
    }

    /// <summary>Another instance starting at the same moment may win the unique name: that is success too.</summary>
    private async Task<bool> Tolerate(Task<IdentityResult> action, string what)
    {
        try
        {
            var result = await action;
            if (!result.Succeeded)
            {
                logger.LogWarning("Could not create {What}: {Errors}", what, string.Join("; ", result.Errors.Select(e => e.Code)));
            }

            return result.Succeeded;
        }
        catch (DbUpdateException ex)
        {
            logger.LogInformation(ex, "{What} was created concurrently by another instance", what);
            return false;
        }
    }

    /// <summary>16 characters with every class Identity asks for.</summary>
    public static string GeneratePassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnopqrstuvwxyz", digits = "23456789", symbols = "@#%+=!?";
        const string all = upper + lower + digits + symbols;
        var chars = new List<char>
        {
            upper[RandomNumberGenerator.GetInt32(upper.Length)],
            lower[RandomNumberGenerator.GetInt32(lower.Length)],
            digits[RandomNumberGenerator.GetInt32(digits.Length)],
            symbols[RandomNumberGenerator.GetInt32(symbols.Length)],
        };
        while (chars.Count < 16)
        {
            chars.Add(all[RandomNumberGenerator.GetInt32(all.Length)]);
        }

        return new string(chars.OrderBy(_ => RandomNumberGenerator.GetInt32(int.MaxValue)).ToArray());
    }
}
