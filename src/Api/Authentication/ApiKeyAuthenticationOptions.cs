using Microsoft.AspNetCore.Authentication;

namespace MixpanelSync.Api.Authentication;

/// <summary>Settings of one API key authentication scheme.</summary>
public sealed class ApiKeyAuthenticationOptions : AuthenticationSchemeOptions
{
    /// <summary>Whether a 401 challenges with <c>Basic</c> (browser pages) instead of <c>Bearer</c>.</summary>
    /// <value>Defaults to <see langword="false"/>.</value>
    public bool ChallengeWithBasic { get; set; }
}
