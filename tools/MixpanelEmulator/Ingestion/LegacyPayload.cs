namespace MixpanelSync.MixpanelEmulator;

/// <summary>The JSON payload of a /track, /engage or /groups request, or why it could not be read.</summary>
internal sealed class LegacyPayload
{
    public ReadOnlyMemory<byte> Json { get; init; }

    /// <summary>Uncompressed size of the request body, or of the data query parameter of a GET.</summary>
    public int UncompressedBytes { get; init; }

    /// <summary>
    /// Why no records could be read, or <see langword="null"/> when <see cref="Json"/> contains them.
    /// </summary>
    public string? Error { get; init; }

    public bool TooLarge { get; init; }

    /// <summary>Whether the client went away before the body was read; nothing should be sent.</summary>
    public bool Aborted { get; init; }
}
