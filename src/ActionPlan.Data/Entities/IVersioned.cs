namespace ActionPlan.Data.Entities;

/// <summary>
/// An entity with an app-set optimistic-concurrency token (SQLite has no xmin). <see cref="AppDbContext"/>
/// stamps a new <see cref="Version"/> on every save that adds or changes it; a service only says which
/// version it expects, as the token's original value.
/// </summary>
public interface IVersioned
{
    Guid Version { get; set; }
}
