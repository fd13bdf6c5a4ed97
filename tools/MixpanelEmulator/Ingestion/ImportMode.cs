namespace MixpanelSync.MixpanelEmulator;

/// <summary>How an /import request is read and which response format it gets.</summary>
/// <param name="Form">
/// The body is form-urlencoded with the payload in <c>data</c>, as the official SDKs send it.
/// </param>
/// <param name="Strict">
/// Whether events are validated and reported one by one with JSON bodies. <c>strict=1</c> or <c>strict=0</c> decide;
/// without the parameter JSON bodies are strict and legacy form bodies are not.
/// </param>
/// <param name="Verbose">With <c>verbose=1</c>, non-strict responses are <c>{"status":1|0,"error":...}</c>.</param>
/// <param name="StrictParameter">The strict query parameter: true for 1, false for 0, null when absent.</param>
internal readonly record struct ImportMode(bool Form, bool Strict, bool Verbose, bool? StrictParameter)
{
    public static ImportMode From(HttpRequest request)
    {
        bool? strict = request.Query["strict"].ToString() switch
        {
            "1" => true,
            "0" => false,
            _ => null,
        };
        var form = request.HasFormContentType;
        return new ImportMode(form, strict ?? !form, request.Query["verbose"] == "1", strict);
    }

    /// <summary>
    /// Returns the mode for a body labelled form-urlencoded that is plain JSON, as curl -d sends it.
    /// </summary>
    public ImportMode AsJsonBody() => this with { Form = false, Strict = StrictParameter ?? true };
}
