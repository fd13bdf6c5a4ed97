namespace MixpanelSync.Api.Authorization;

/// <summary>Names of the API's authorization policies.</summary>
public static class ApiPolicies
{
    /// <summary>The operator key, read from the API headers.</summary>
    public const string Operator = "operator";

    /// <summary>
    /// The operator key, also accepted as the HTTP Basic password; a 401 makes a browser prompt for it. For the
    /// Orleans dashboard, /metrics and other pages opened in a browser.
    /// </summary>
    public const string OperatorBrowser = "operator-browser";

    /// <summary>
    /// The operator key, or a brand key of the brand in the route's <c>brandId</c>. A brand key on another brand
    /// gets 404, as if that brand did not exist.
    /// </summary>
    public const string Brand = "brand";

    /// <summary>Any valid key, also as the HTTP Basic password; for the OpenAPI document and its viewer.</summary>
    public const string AnyKeyBrowser = "any-key-browser";
}
