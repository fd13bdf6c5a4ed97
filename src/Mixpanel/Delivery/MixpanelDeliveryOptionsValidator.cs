using Microsoft.Extensions.Options;

namespace MixpanelSync.Mixpanel;

/// <summary>Checks <see cref="MixpanelDeliveryOptions"/> at start-up.</summary>
internal sealed class MixpanelDeliveryOptionsValidator : IValidateOptions<MixpanelDeliveryOptions>
{
    public ValidateOptionsResult Validate(string? name, MixpanelDeliveryOptions options)
    {
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Endpoint))
        {
            failures.Add($"Endpoint {options.Endpoint} is not a defined value.");
        }

        if (options.MaxAttempts is < 1 or > 50)
        {
            failures.Add($"MaxAttempts is {options.MaxAttempts}; it must be between 1 and 50.");
        }

        if (options.MaxConcurrentRequests is < 1 or > 64)
        {
            failures.Add($"MaxConcurrentRequests is {options.MaxConcurrentRequests}; it must be between 1 and 64.");
        }

        if (options.InitialRetryDelay < TimeSpan.Zero || options.MaxRetryDelay < options.InitialRetryDelay)
        {
            failures.Add("InitialRetryDelay must not be negative and MaxRetryDelay must not be less than it.");
        }

        if (options.MinRetryJitter < TimeSpan.Zero || options.MaxRetryJitter < options.MinRetryJitter)
        {
            failures.Add("MinRetryJitter must not be negative and MaxRetryJitter must not be less than it.");
        }

        if (options.MaxRetryAfter < TimeSpan.Zero)
        {
            failures.Add("MaxRetryAfter must not be negative.");
        }

        if (options.AttemptTimeout < TimeSpan.FromMilliseconds(10) || options.AttemptTimeout > TimeSpan.FromHours(1))
        {
            failures.Add($"AttemptTimeout is {options.AttemptTimeout}; it must be between 10 ms and 1 hour.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
