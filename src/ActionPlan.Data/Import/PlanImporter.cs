using ActionPlan.Data.Entities;
using ActionPlan.PlanDocument;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ActionPlan.Data.Import;

/// <summary>
/// Writes parsed plans into the database. Each call is one transaction: all files or none. Unique keys
/// (plan hash, unit name, task number) make concurrent imports safe; the loser of a race sees the
/// winner's rows and reports them as already imported.
/// </summary>
public sealed class PlanImporter(IDbContextFactory<AppDbContext> contexts, TimeProvider clock, ILogger<PlanImporter> logger)
{
    /// <summary>Imports every plan text in <paramref name="directory"/> when the database holds no plan.</summary>
    public async Task<IReadOnlyList<ImportResult>> SeedIfEmptyAsync(string directory, CancellationToken cancellationToken = default)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Plans.AnyAsync(cancellationToken))
            {
                logger.LogInformation("Database already holds a plan; seeding skipped");
                return [];
            }
        }

        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Seed folder not found: {directory}");
        }

        var sources = Directory.GetFiles(directory, "*.txt").Order(StringComparer.Ordinal)
            .Select(path => new PlanSource(Path.GetFileName(path), File.ReadAllBytes(path)))
            .ToList();
        if (sources.Count == 0)
        {
            logger.LogWarning("Seed folder {Directory} holds no plan text", directory);
            return [];
        }

        try
        {
            return await ImportAsync(sources, cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (!await AnyPlanAsync(cancellationToken))
            {
                throw;
            }

            // Another instance seeded the same database at the same moment; its rows stand.
            logger.LogInformation("Another instance seeded the database first; nothing imported here");
            return [];
        }
    }

    public async Task<ImportResult> ImportAsync(PlanSource source, CancellationToken cancellationToken = default) =>
        (await ImportAsync([source], PlanImportOptions.Default, cancellationToken))[0];

    /// <summary>One file with a unit mapping (see <see cref="PlanImportOptions"/>).</summary>
    public async Task<ImportResult> ImportAsync(PlanSource source, PlanImportOptions options, CancellationToken cancellationToken = default) =>
        (await ImportAsync([source], options, cancellationToken))[0];

    public Task<IReadOnlyList<ImportResult>> ImportAsync(IReadOnlyList<PlanSource> sources, CancellationToken cancellationToken = default) =>
        ImportAsync(sources, PlanImportOptions.Default, cancellationToken);

    /// <summary>Parses all sources first (a bad file imports nothing), then writes them in one transaction.</summary>
    public async Task<IReadOnlyList<ImportResult>> ImportAsync(IReadOnlyList<PlanSource> sources, PlanImportOptions options, CancellationToken cancellationToken = default)
    {
        var parsed = sources.Select(s => (Source: s, Plan: PlanParser.Parse(s.Content))).ToList();

        try
        {
            return await WriteAsync(parsed, options, cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // A concurrent import of the same file wins on the unique hash: report it, do not fail.
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var hashes = parsed.Select(p => p.Source.Hash).ToList();
            var existing = await db.Plans.Where(p => hashes.Contains(p.SourceHash)).Select(p => p.SourceHash).ToListAsync(cancellationToken);
            if (existing.Count == 0)
            {
                throw;
            }

            logger.LogInformation(ex, "Concurrent import detected; retrying against the rows now present");
            return await WriteAsync(parsed, options, cancellationToken);
        }
    }

    /// <summary>The advisory-lock key of plan imports (distinct from the web project's keys in AdvisoryLocks).</summary>
    public const long ImportLock = 7_270_700_6;

    private async Task<IReadOnlyList<ImportResult>> WriteAsync(
        IReadOnlyList<(PlanSource Source, ParsedPlan Plan)> parsed, PlanImportOptions options, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            // Concurrent imports on PostgreSQL insert the same unit names and hashes and can deadlock (40P01)
            // rather than fail on the unique key: one import at a time; the next then finds the rows present.
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({ImportLock})", cancellationToken);
        }

        var hashes = parsed.Select(p => p.Source.Hash).ToList();
        var existing = await db.Plans.Where(p => hashes.Contains(p.SourceHash))
            .ToDictionaryAsync(p => p.SourceHash, p => p.Id, cancellationToken);

        var unitNames = parsed.SelectMany(p => p.Plan.Tasks.SelectMany(t => t.LeadUnits.Concat(t.SupportingUnits)).Concat(p.Plan.Measures.SelectMany(m => m.LeadUnits)))
            .Distinct(StringComparer.Ordinal).ToList();
        var units = await db.LeadUnits.Where(u => unitNames.Contains(u.Name)).ToDictionaryAsync(u => u.Name, StringComparer.Ordinal, cancellationToken);
        var mapping = options.UnitMapping ?? new Dictionary<string, int>();
        var mappedIds = mapping.Where(m => unitNames.Contains(m.Key)).Select(m => m.Value).Distinct().ToList();
        var mappedUnits = await db.LeadUnits.Where(u => mappedIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
        foreach (var (name, id) in mapping.Where(m => unitNames.Contains(m.Key)))
        {
            // A renamed unit: the plan's name stands for the existing row, which keeps its name and accounts.
            units[name] = mappedUnits.TryGetValue(id, out var existingUnit)
                ? existingUnit
                : throw new InvalidOperationException($"Unit mapping for {name} names lead unit {id}, which does not exist");
        }

        foreach (var name in unitNames.Where(n => !units.ContainsKey(n)))
        {
            var unit = new LeadUnit { Name = name };
            units[name] = unit;
            db.LeadUnits.Add(unit);
        }

        var results = new List<(PlanSource Source, ParsedPlan Parsed, Plan? Entity, int? ExistingId)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (source, plan) in parsed)
        {
            if (existing.TryGetValue(source.Hash, out var id) || !seen.Add(source.Hash))
            {
                results.Add((source, plan, null, existing.GetValueOrDefault(source.Hash)));
                continue;
            }

            var entity = ToEntity(source, plan, units);
            db.Plans.Add(entity);
            results.Add((source, plan, entity, null));
        }

        await ArchiveOlderYearsAsync(db, results.Where(r => r.Entity is not null).Select(r => r.Entity!).ToList(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (options.BeforeCommit is { } beforeCommit)
        {
            foreach (var written in results.Where(r => r.Entity is not null))
            {
                await beforeCommit(db, written.Entity!, cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);

        return results.Select(r =>
        {
            var milestones = r.Parsed.Tasks.Sum(t => t.Milestones.Count);
            if (r.Entity is null)
            {
                logger.LogInformation("{Source} was already imported (plan {PlanId}); nothing changed", r.Source.Name, r.ExistingId);
                return new ImportResult(r.Source.Name, ImportOutcome.AlreadyImported, r.ExistingId, r.Parsed.Tasks.Count, milestones, r.Parsed.Warnings.Count);
            }

            logger.LogInformation("Imported {Source} as plan {PlanId}: {Tasks} tasks, {Milestones} milestones, {Warnings} warnings",
                r.Source.Name, r.Entity.Id, r.Parsed.Tasks.Count, milestones, r.Parsed.Warnings.Count);
            return new ImportResult(r.Source.Name, ImportOutcome.Imported, r.Entity.Id, r.Parsed.Tasks.Count, milestones, r.Parsed.Warnings.Count);
        }).ToList();
    }

    /// <summary>Marks archived by an import.</summary>
    public const string ArchivedByImport = "导入新一年计划";

    /// <summary>
    /// One year's plan runs at a time: a newer year's import archives the older running plans, and a plan imported for
    /// an earlier year than one already running comes in archived (read-only until the office re-opens it).
    /// </summary>
    private async Task ArchiveOlderYearsAsync(AppDbContext db, IReadOnlyList<Plan> imported, CancellationToken cancellationToken)
    {
        if (imported.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var running = await db.Plans.Where(p => p.ArchivedAt == null).ToListAsync(cancellationToken);
        var newestYear = running.Select(p => p.Year).Concat(imported.Select(p => p.Year)).Max();
        foreach (var plan in running.Concat(imported).Where(p => p.Year < newestYear))
        {
            plan.ArchivedAt = now;
            plan.ArchivedBy = ArchivedByImport;
        }
    }

    private async Task<bool> AnyPlanAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Plans.AnyAsync(cancellationToken);
    }

    private Plan ToEntity(PlanSource source, ParsedPlan parsed, IReadOnlyDictionary<string, LeadUnit> units)
    {
        var plan = new Plan
        {
            Title = parsed.Plan.Title,
            DocumentNumber = parsed.Plan.DocumentNumber,
            Year = parsed.Plan.Year,
            Objective = parsed.Plan.Objective,
            SourceHash = source.Hash,
            SourceName = source.Name,
            ImportedAt = clock.GetUtcNow(),
        };

        var domains = parsed.Domains.ToDictionary(d => d.Number, d => new Domain { Plan = plan, Number = d.Number, Name = d.Name, SourceLine = d.Line });
        plan.Domains.AddRange(domains.Values);

        foreach (var t in parsed.Tasks)
        {
            var task = new PlanTask
            {
                Plan = plan,
                Domain = domains[t.DomainNumber],
                Number = t.Number,
                Title = t.Title,
                Text = t.Text,
                LeadUnitClause = t.LeadUnitClause,
                ResponsibilityNote = t.ResponsibilityNote,
                SourceLine = t.Line,
            };
            // Two names mapped to one unit, or a supporting unit mapped onto a lead unit, link once: the lead link wins.
            var linked = new HashSet<LeadUnit>();
            task.LeadUnits.AddRange(t.LeadUnits.Select(name => units[name]).Where(linked.Add)
                .Select((unit, i) => new PlanTaskLeadUnit { LeadUnit = unit, Position = i }));
            task.SupportingUnits.AddRange(t.SupportingUnits.Select(name => units[name]).Where(linked.Add)
                .Select((unit, i) => new PlanTaskSupportingUnit { LeadUnit = unit, Position = i }));
            task.Milestones.AddRange(t.Milestones.Select((m, i) => new Milestone { Position = i, Due = m.Due, Phrase = m.Phrase, Clause = m.Clause }));
            task.PolicyDates.AddRange(t.PolicyDates.Select((p, i) => new PolicyDate { Position = i, Date = p.Date, Phrase = p.Phrase }));
            plan.Tasks.Add(task);
        }

        foreach (var m in parsed.Measures)
        {
            var measure = new Measure { Number = m.Number, Title = m.Title, Text = m.Text, LeadUnitClause = m.LeadUnitClause, SourceLine = m.Line };
            measure.LeadUnits.AddRange(m.LeadUnits.Select(name => units[name]).Distinct()
                .Select((unit, i) => new MeasureLeadUnit { LeadUnit = unit, Position = i }));
            plan.Measures.Add(measure);
        }

        plan.ImportWarnings.AddRange(parsed.Warnings.Select((w, i) => new ImportWarning
        {
            Position = i, Line = w.Line, TaskNumber = w.Task, Kind = w.Kind, Message = w.Message,
        }));
        return plan;
    }
}
