namespace ActionPlan.Data.Entities;

/// <summary>
/// What a user typed into a form and has not saved yet (未保存的输入), written while they type. Neither a lost
/// connection nor an instance that dies loses it: the form offers it again, on any instance, until the user saves
/// the form or discards the input.
/// </summary>
public class UnsavedInput
{
    public long Id { get; set; }

    public required string UserName { get; set; }

    /// <summary>The form and what it edits, e.g. "task-edit:1:12" (plan 1, task 12).</summary>
    public required string FormKey { get; set; }

    /// <summary>The form's fields, as JSON.</summary>
    public required string Content { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
