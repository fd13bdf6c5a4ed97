namespace MixpanelSync.Silo.Tests.Storage;

/// <summary>A grain that registers and lists reminders, to exercise the reminder table.</summary>
[Alias("MixpanelSync.Silo.Tests.IReminderProbeGrain")]
public interface IReminderProbeGrain : IGrainWithStringKey
{
    [Alias("Register")]
    Task RegisterAsync(string name, TimeSpan period);

    [Alias("Unregister")]
    Task UnregisterAsync(string name);

    [Alias("List")]
    Task<List<string>> ListAsync();
}
