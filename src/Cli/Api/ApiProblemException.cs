using System.Net;
using System.Text;

namespace MixpanelSync.Cli.Api;

/// <summary>An error response of the service, with its problem details.</summary>
internal sealed class ApiProblemException(
    string action,
    HttpStatusCode status,
    ProblemResponse? problem,
    string maskedKey)
    : Exception($"{action} failed with {(int)status} {status}: {problem?.Detail ?? problem?.Title}")
{
    /// <summary>What the request tried to do, such as "connect brand demo-videos".</summary>
    public string Action { get; } = action;

    public HttpStatusCode Status { get; } = status;

    public ProblemResponse? Problem { get; } = problem;

    /// <summary>
    /// Converts the failure to a message and exit code. <paramref name="optionOf"/> names the command-line option
    /// behind an API field, such as <c>--hour</c> for <c>schedule.hour</c>.
    /// </summary>
    public CliException ToCliException(Func<string, string?>? optionOf = null)
    {
        var code = (int)Status;
        var errors = Problem?.Errors ?? new Dictionary<string, string[]>();
        var message = new StringBuilder($"The service rejected the request to {Action} ({code}): ");
        message.Append(errors.Count > 0
            ? "some values are invalid."
            : Problem?.Detail ?? Problem?.Title ?? "it sent no details.");
        if (Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            message.Append($" The key ending in {maskedKey} was used. Pass the operator key or a key of this brand ")
                .Append("with --key or MIXPANEL_SYNC_KEY.");
        }

        foreach (var (field, reasons) in errors)
        {
            var option = optionOf?.Invoke(field);
            foreach (var reason in reasons)
            {
                message.AppendLine().Append($"  {field}{(option is null ? "" : $" ({option})")}: {reason}");
            }
        }

        var exitCode = code is 429 or >= 500 ? ExitCodes.Unavailable : ExitCodes.Rejected;
        return new CliException(exitCode, message.ToString(), this);
    }
}
