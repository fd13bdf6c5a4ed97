namespace MixpanelSync.MixpanelEmulator;

/// <summary>What the command line asked for: emulator options plus settings of the standalone host.</summary>
internal sealed class CommandLineSettings
{
    public MixpanelEmulatorOptions Options { get; } = new();

    public bool ShowHelp { get; set; }

    public bool Verbose { get; set; }

    /// <summary>Where to write the certificate PEM, or <see langword="null"/> to skip it.</summary>
    public string? CertificatePath { get; set; }
}
