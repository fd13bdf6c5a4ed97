using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using MixpanelSync.GrainInterfaces.Storage;

namespace MixpanelSync.Api.Http;

/// <summary>
/// Turns bad requests that ASP.NET Core throws while binding (malformed JSON, a wrong JSON type, a body over the
/// limit) into problem responses that name the JSON path at fault, and a database outage behind the grains into
/// 503 with <c>Retry-After</c>.
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(
        HttpContext httpContext,
        Exception exception,
        CancellationToken cancellationToken)
    {
        if (exception is StorageUnavailableException storageFailure)
        {
            httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            httpContext.Response.Headers.RetryAfter = "5";
            return await problemDetails.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                Exception = exception,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = "Service Unavailable",
                    Detail = storageFailure.Message,
                },
            });
        }

        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var detail = badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? "The request body is larger than this endpoint accepts. Send a smaller body."
            : DescribeBindingFailure(badRequest);
        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = badRequest.StatusCode,
                Title = badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? "Payload Too Large"
                    : "Bad Request",
                Detail = detail,
            },
        });
    }

    private static string DescribeBindingFailure(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException json)
        {
            // System.Text.Json names the JSON path and the problem, such as an unknown property or a wrong type.
            return $"The JSON body is invalid: {json.Message} Check the field against the API reference; unknown "
                + "fields are rejected, numbers are unquoted and text is quoted.";
        }

        return $"{exception.Message} Check the request against the API reference.";
    }
}
