namespace MixpanelSync.MixpanelEmulator;

/// <summary>Parses a --project value: <c>token[,key=value...]</c>.</summary>
internal static class ProjectArgument
{
    public static EmulatorProject Parse(string value, EmulatorRateLimit defaultLimit)
    {
        var parts = value.Split(',', StringSplitOptions.TrimEntries);
        if (parts[0].Length == 0 || parts[0].Contains('='))
        {
            throw new FormatException($"Invalid --project '{value}': it must start with the project token.");
        }

        var project = new EmulatorProject(parts[0]);
        string? serviceAccountUser = null;
        string? serviceAccountSecret = null;
        foreach (var part in parts.Skip(1))
        {
            var separator = part.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                throw new FormatException($"Invalid --project setting '{part}': expected key=value.");
            }

            var key = part[..separator];
            var setting = part[(separator + 1)..];
            switch (key)
            {
                case "sa-user":
                    serviceAccountUser = setting;
                    break;
                case "sa-secret":
                    serviceAccountSecret = setting;
                    break;
                default:
                    project = Apply(project, key, setting, defaultLimit);
                    break;
            }
        }

        return WithServiceAccount(project, serviceAccountUser, serviceAccountSecret);
    }

    private static EmulatorProject Apply(
        EmulatorProject project,
        string key,
        string value,
        EmulatorRateLimit defaultLimit)
    {
        var limit = project.RateLimit ?? defaultLimit;
        return key switch
        {
            "residency" => project with { Residency = ParseResidency(value) },
            "identity" => project with { IdentityMode = ParseIdentity(value) },
            "project-id" => project with { ProjectId = value },
            "api-secret" => project with { ApiSecret = value },
            "rate-events" => project with { RateLimit = limit with { MaxEvents = CommandLine.ParseLong(key, value) } },
            "rate-bytes" => project with { RateLimit = limit with { MaxBytes = CommandLine.ParseLong(key, value) } },
            _ => throw new FormatException($"Unknown --project key '{key}'. Run with --help for the keys."),
        };
    }

    private static EmulatorProject WithServiceAccount(EmulatorProject project, string? user, string? secret)
    {
        if (user is null && secret is null)
        {
            return project;
        }

        if (string.IsNullOrEmpty(user) || string.IsNullOrEmpty(secret))
        {
            throw new FormatException("A service account needs both sa-user and sa-secret.");
        }

        return project with { ServiceAccount = new EmulatorServiceAccount(user, secret) };
    }

    private static EmulatorResidency ParseResidency(string value) => value.ToUpperInvariant() switch
    {
        "US" => EmulatorResidency.Us,
        "EU" => EmulatorResidency.Eu,
        "IN" or "INDIA" => EmulatorResidency.India,
        _ => throw new FormatException($"Invalid residency '{value}': expected us, eu or in."),
    };

    private static EmulatorIdentityMode ParseIdentity(string value) => value.ToUpperInvariant() switch
    {
        "SIMPLIFIED" => EmulatorIdentityMode.Simplified,
        "ORIGINAL" => EmulatorIdentityMode.Original,
        _ => throw new FormatException($"Invalid identity '{value}': expected simplified or original."),
    };
}
