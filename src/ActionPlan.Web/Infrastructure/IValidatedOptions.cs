namespace ActionPlan.Web.Infrastructure;

/// <summary>A settings class that can say what is wrong with its values, each message naming its key.</summary>
public interface IValidatedOptions
{
    IEnumerable<string> Problems();
}
