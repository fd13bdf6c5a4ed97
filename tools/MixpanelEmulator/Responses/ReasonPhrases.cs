namespace MixpanelSync.MixpanelEmulator;

internal static class ReasonPhrases
{
    public static string Get(int statusCode)
    {
        var phrase = Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(statusCode);
        return phrase.Length > 0 ? phrase : "Error";
    }
}
