using System.Security.Cryptography;
using ActionPlan.Data;
using ActionPlan.Data.Entities;
using Microsoft.AspNetCore.Identity;
using ActionPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Features.Accounts;

public sealed record DemoAccount(string UserName, string Role, string? LeadUnit);
