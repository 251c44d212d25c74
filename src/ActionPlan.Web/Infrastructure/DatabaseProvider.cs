using ActionPlan.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ActionPlan.Web.Infrastructure;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
