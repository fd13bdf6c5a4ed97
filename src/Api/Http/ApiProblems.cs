using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace MixpanelSync.Api.Http;

/// <summary>Problem responses (RFC 9457) of the endpoints; each detail names the value at fault and the fix.</summary>
internal static class ApiProblems
{
    public static ProblemDetails BrandNotFound(string brandId) => new()
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Not Found",
        Detail = $"Brand '{brandId}' was not found. Check the brand id in the URL and that the key belongs to it.",
    };

    public static ProblemHttpResult NotConnected(string brandId) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Not Found",
        detail: $"Brand '{brandId}' has no Mixpanel integration. Connect one with "
            + $"POST /api/v1/brands/{brandId}/integration.");

    public static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Not Found",
        detail: detail);

    public static ProblemHttpResult Conflict(string detail, string? runId = null) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Conflict",
        detail: detail,
        extensions: runId is null ? null : new Dictionary<string, object?> { ["runId"] = runId });

    /// <summary>Creates a 400 whose detail repeats every field error, for clients that show only the detail.</summary>
    public static ValidationProblem Validation(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(
            errors,
            detail: string.Join(
                " ",
                errors.SelectMany(error => error.Value.Select(reason => $"{error.Key}: {reason}"))));

    /// <summary>Creates a 400 for one field.</summary>
    public static ValidationProblem Validation(string field, string reason) =>
        Validation(new Dictionary<string, string[]> { [field] = [reason] });
}
