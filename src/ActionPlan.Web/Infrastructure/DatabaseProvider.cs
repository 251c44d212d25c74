namespace ActionPlan.Web.Infrastructure;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
