using Microsoft.Extensions.Options;

namespace MixpanelSync.Mixpanel;

/// <summary>Checks <see cref="MixpanelBatchOptions"/> at start-up.</summary>
internal sealed class MixpanelBatchOptionsValidator : IValidateOptions<MixpanelBatchOptions>
{
    public ValidateOptionsResult Validate(string? name, MixpanelBatchOptions options)
    {
        var failures = new List<string>();
        if (options.MaxEventsPerBatch is < 1 or > MixpanelLimits.MaxEventsPerRequest)
        {
            failures.Add(
                $"MaxEventsPerBatch is {options.MaxEventsPerBatch}; "
                + $"it must be between 1 and {MixpanelLimits.MaxEventsPerRequest}.");
        }

        if (options.MaxBatchBytes is < 1024 * 1024 or > MixpanelLimits.MaxRequestBytes)
        {
            failures.Add(
                $"MaxBatchBytes is {options.MaxBatchBytes}; "
                + $"it must be between 1048576 and {MixpanelLimits.MaxRequestBytes}.");
        }

        if (!Enum.IsDefined(options.CompressionLevel))
        {
            failures.Add($"CompressionLevel {options.CompressionLevel} is not a defined value.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws <see cref="OptionsValidationException"/> when the options are invalid.</summary>
    public static void ThrowIfInvalid(MixpanelBatchOptions options)
    {
        var result = new MixpanelBatchOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(
                Microsoft.Extensions.Options.Options.DefaultName,
                typeof(MixpanelBatchOptions),
                result.Failures);
        }
    }
}
