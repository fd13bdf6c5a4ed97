using System.Collections.Frozen;
using System.Text;
using MixpanelSync.Mixpanel;

namespace MixpanelSync.Grains.Mapping;

/// <summary>
/// The short stable phrases that dead letters, run counts and metrics group rejections by, such as
/// <c>time out of range</c>.
/// </summary>
internal static class RejectionReasons
{
    /// <summary>
    /// Mixpanel listed the event in the <c>failed_records</c> of a 400 response. Dead letters keep Mixpanel's
    /// field and message beside this phrase.
    /// </summary>
    public const string RejectedByMixpanel = "rejected by Mixpanel";

    /// <summary>Mixpanel returned 413 for a request that held only this event.</summary>
    public const string TooLargeForRequest = "too large for a request";

    /// <summary>The stored event's type is not in the event schema, so it cannot be mapped.</summary>
    public const string UnknownEventType = "unknown event type";

    private static readonly FrozenDictionary<ValidationCode, string> ByCode =
        Enum.GetValues<ValidationCode>().ToFrozenDictionary(code => code, code => ToWords(code.ToString()));

    /// <summary>Returns the phrase of a validation code: its name in lower-case words.</summary>
    public static string Of(ValidationCode code) => ByCode.GetValueOrDefault(code) ?? ToWords(code.ToString());

    /// <summary>Returns the phrase of a rejected event's outcome.</summary>
    public static string Of(in EventOutcome outcome) => outcome switch
    {
        { ValidationCode: { } code } => Of(code),
        { Reason: OutcomeReason.TooLargeForRequest } => TooLargeForRequest,
        _ => RejectedByMixpanel,
    };

    private static string ToWords(string name)
    {
        var words = new StringBuilder(name.Length + 4);
        foreach (var character in name)
        {
            if (char.IsUpper(character) && words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(char.ToLowerInvariant(character));
        }

        return words.ToString();
    }
}
