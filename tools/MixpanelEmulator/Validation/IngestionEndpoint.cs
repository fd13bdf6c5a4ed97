namespace MixpanelSync.MixpanelEmulator;

internal enum IngestionEndpoint : byte
{
    Import,
    Track,
}
