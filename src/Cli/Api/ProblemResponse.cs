using System.Text.Json;
using System.Text.Json.Serialization;

namespace MixpanelSync.Cli.Api;

/// <summary>An RFC 9457 problem response of the API, with the field errors of a validation problem.</summary>
internal sealed record ProblemResponse(
    string? Title,
    string? Detail,
    int? Status,
    IReadOnlyDictionary<string, string[]>? Errors)
{
    /// <summary>Members such as <c>runId</c> of a 409.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extensions { get; init; }
}
