using System.CommandLine;

namespace MixpanelSync.Cli.Commands;

/// <summary>The <c>--residency</c> option: Mixpanel's data residencies, each with its own ingestion host.</summary>
internal static class ResidencyOptions
{
    public static Option<string> Create(string description)
    {
        var option = new Option<string>("--residency")
        {
            Description = description,
            HelpName = "us|eu|in",
            Required = true,
        };
        option.AcceptOnlyFromAmong("us", "eu", "in", "india");
        return option;
    }

    /// <summary>Returns the API's name of a residency: <c>us</c>, <c>eu</c> or <c>india</c>.</summary>
    public static string ToApiName(string residency) => residency.ToLowerInvariant() switch
    {
        "in" or "india" => "india",
        var name => name,
    };
}
