using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Shared;

namespace ActionPlan.Web.Features.Dispatch;

public static class IssuedDispatchEndpoints
{
    public static string WordPath(int number) => $"/dispatch/issued/{number}/docx";

    public static string ExcelPath(int number) => $"/dispatch/issued/{number}/xlsx";

    /// <summary>An issued report's files, served as stored: the same bytes on every download.</summary>
    public static void MapIssuedDispatchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dispatch/issued/{number:int}/docx", (int number, HttpContext context, CurrentPlan plans, DispatchIssues issues, CancellationToken cancellationToken) =>
            ServeAsync(number, word: true, context, plans, issues, cancellationToken)).RequireAuthorization();
        app.MapGet("/dispatch/issued/{number:int}/xlsx", (int number, HttpContext context, CurrentPlan plans, DispatchIssues issues, CancellationToken cancellationToken) =>
            ServeAsync(number, word: false, context, plans, issues, cancellationToken)).RequireAuthorization();
    }

    private static async Task<IResult> ServeAsync(int number, bool word, HttpContext context, CurrentPlan plans, DispatchIssues issues, CancellationToken cancellationToken)
    {
        var scope = AccessScope.For(context.User);
        if (!DispatchIssues.MayRead(scope))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var plan = await plans.GetAsync(context, cancellationToken);
        if (plan is null || await issues.FileAsync(scope, plan.Id, number, word, cancellationToken) is not { } file)
        {
            return Results.NotFound();
        }

        return Results.File(file.Content, word ? DispatchDocument.ContentType : XlsxWriter.ContentType, file.FileName);
    }
}
