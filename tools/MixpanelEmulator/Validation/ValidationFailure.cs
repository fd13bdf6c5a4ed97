namespace MixpanelSync.MixpanelEmulator;

/// <summary>Why one record failed validation: the JSON path of the field and a message naming the rule.</summary>
internal readonly record struct ValidationFailure(string Field, string Message)
{
    public static ValidationFailure Invalid(string field, string reason) =>
        new(field, $"'{field}' is invalid: {reason}");
}
