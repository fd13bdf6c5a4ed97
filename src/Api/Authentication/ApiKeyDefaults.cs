namespace MixpanelSync.Api.Authentication;

/// <summary>Names of the API key authentication schemes and the headers they read.</summary>
public static class ApiKeyDefaults
{
    /// <summary>The scheme of the REST API: a 401 challenges with <c>Bearer</c> and a problem response.</summary>
    public const string Scheme = "ApiKey";

    /// <summary>
    /// The scheme of pages opened in a browser (the dashboard and the API reference): a 401 challenges with
    /// <c>Basic</c>, so that the browser prompts for the key and sends it as the password.
    /// </summary>
    public const string BrowserScheme = "ApiKeyBasic";

    /// <summary>The header that carries a key as an alternative to <c>Authorization: Bearer</c>.</summary>
    public const string HeaderName = "X-Api-Key";

    /// <summary>The realm named in <c>WWW-Authenticate</c> challenges.</summary>
    public const string Realm = "mixpanel-sync";
}
