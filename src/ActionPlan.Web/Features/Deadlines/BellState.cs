namespace ActionPlan.Web.Features.Deadlines;

/// <summary>Per circuit: lets a page that marks notifications read refresh the bell of the same page.</summary>
public sealed class BellState
{
    public event Action? Changed;

    public void Refresh() => Changed?.Invoke();
}
