namespace MixpanelSync.Silo.Tests.Storage;

public sealed class ReminderProbeGrain : Grain, IReminderProbeGrain, IRemindable
{
    public async Task RegisterAsync(string name, TimeSpan period) =>
        await this.RegisterOrUpdateReminder(name, TimeSpan.FromMinutes(10), period);

    public async Task UnregisterAsync(string name)
    {
        var reminder = await this.GetReminder(name)
            ?? throw new InvalidOperationException($"Reminder '{name}' is not registered.");
        await this.UnregisterReminder(reminder);
    }

    public async Task<List<string>> ListAsync()
    {
        var reminders = await this.GetReminders();
        return reminders.Select(reminder => reminder.ReminderName).Order(StringComparer.Ordinal).ToList();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;
}
