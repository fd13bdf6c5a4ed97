using Microsoft.Extensions.Options;

namespace MixpanelSync.Mixpanel;

/// <summary>Checks <see cref="MixpanelValidationOptions"/> at start-up.</summary>
internal sealed class MixpanelValidationOptionsValidator : IValidateOptions<MixpanelValidationOptions>
{
    public ValidateOptionsResult Validate(string? name, MixpanelValidationOptions options)
    {
        var failures = new List<string>();
        if (options.MaxNestingDepth is < 1 or > 32)
        {
            failures.Add($"MaxNestingDepth is {options.MaxNestingDepth}; it must be between 1 and 32.");
        }

        if (options.MaxEventBytes is < 1024 or > 1024 * 1024)
        {
            failures.Add($"MaxEventBytes is {options.MaxEventBytes}; it must be between 1024 and 1048576.");
        }

        if (!Enum.IsDefined(options.NestingDepthPolicy))
        {
            failures.Add($"NestingDepthPolicy {options.NestingDepthPolicy} is not a defined value.");
        }

        if (!Enum.IsDefined(options.ArrayLengthPolicy))
        {
            failures.Add($"ArrayLengthPolicy {options.ArrayLengthPolicy} is not a defined value.");
        }

        if (!Enum.IsDefined(options.PlaceholderDistinctIdPolicy))
        {
            failures.Add($"PlaceholderDistinctIdPolicy {options.PlaceholderDistinctIdPolicy} is not a defined value.");
        }

        if (!Enum.IsDefined(options.InvalidInsertIdPolicy))
        {
            failures.Add($"InvalidInsertIdPolicy {options.InvalidInsertIdPolicy} is not a defined value.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws <see cref="OptionsValidationException"/> when the options are invalid.</summary>
    public static void ThrowIfInvalid(MixpanelValidationOptions options)
    {
        var result = new MixpanelValidationOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(
                Microsoft.Extensions.Options.Options.DefaultName,
                typeof(MixpanelValidationOptions),
                result.Failures);
        }
    }
}
