namespace ActionPlan.Data.Import;

public enum ImportOutcome
{
    Imported,
    AlreadyImported,
}
