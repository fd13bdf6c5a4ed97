using System.Text.Encodings.Web;

namespace MixpanelSync.MixpanelEmulator;

internal static class JsonEncoder
{
    /// <summary>Escapes only what JSON requires, so messages and stored strings read as sent.</summary>
    public static JavaScriptEncoder Relaxed => JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
}
