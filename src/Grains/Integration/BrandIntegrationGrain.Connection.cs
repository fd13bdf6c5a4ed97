using MixpanelSync.GrainInterfaces.Budget;
using MixpanelSync.GrainInterfaces.Integration;
using MixpanelSync.Grains.Mapping;
using MixpanelSync.Grains.Scheduling;

namespace MixpanelSync.Grains.Integration;

internal sealed partial class BrandIntegrationGrain
{
    public async Task<ConnectResult> ConnectAsync(ConnectRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (State.State is not (ConnectionState.NotConnected or ConnectionState.Disconnected))
        {
            return Failed(
                ConnectFailure.InvalidState,
                "The brand is already connected; update the settings or disconnect first.");
        }

        var invalid = ValidateSettings(request.ProjectToken, request.Schedule, request.ServiceAccount)
            ?? MappingConversion.Validate(request.Mapping);
        if (invalid is not null)
        {
            return Failed(ConnectFailure.InvalidSettings, invalid);
        }

        var (failure, message) = await CheckCredentialsAsync(
            request.Residency,
            request.ProjectToken,
            request.ServiceAccount);
        if (failure != ConnectFailure.None)
        {
            Log.ConnectFailed(logger, BrandId, failure);
            return Failed(failure, message);
        }

        var now = clock.Time.GetUtcNow();
        StoreCredentials(request.ProjectToken, request.Residency, request.ServiceAccount);
        State.Schedule = request.Schedule;
        State.Mapping = request.Mapping ?? MappingSettings.Default;
        State.ConnectedAt = now;
        State.SendFrom = now;
        State.RetryAt = null;
        State.ConsecutiveFailures = 0;
        SetState(ConnectionState.Connected, null);
        AdvanceSchedule(now);
        await SaveAsync();
        await this.RegisterOrUpdateReminder(ReminderName, Settings.ReminderPeriod, Settings.ReminderPeriod);

        Log.Connected(logger, BrandId, request.Residency);
        return new ConnectResult(
            true,
            ConnectFailure.None,
            "Connected. Events from now on are sent on the schedule.",
            CreateStatus());
    }

    public async Task<ConnectResult> UpdateSettingsAsync(SettingsUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (State.State is ConnectionState.NotConnected or ConnectionState.Disconnected)
        {
            return Failed(ConnectFailure.InvalidState, "The brand is not connected; connect first.");
        }

        var token = update.ProjectToken ?? protector.Unprotect(State.ProtectedToken!);
        var residency = update.Residency ?? State.Residency;
        var serviceAccount = update.RemoveServiceAccount ? null : update.ServiceAccount ?? StoredServiceAccount();
        var invalid = ValidateSettings(token, update.Schedule ?? State.Schedule, serviceAccount)
            ?? MappingConversion.Validate(update.Mapping);
        if (invalid is not null)
        {
            return Failed(ConnectFailure.InvalidSettings, invalid);
        }

        var credentialsChanged = update.ProjectToken is not null || update.Residency is not null
            || update.ServiceAccount is not null || update.RemoveServiceAccount;
        if (credentialsChanged)
        {
            var (failure, message) = await CheckCredentialsAsync(residency, token, serviceAccount);
            if (failure != ConnectFailure.None)
            {
                Log.ConnectFailed(logger, BrandId, failure);
                return Failed(failure, message);
            }

            StoreCredentials(token, residency, serviceAccount);
            if (State.State == ConnectionState.Error)
            {
                SetState(IsRunLoopActive ? ConnectionState.Syncing : ConnectionState.Connected, null);
            }
        }

        if (update.Mapping is not null)
        {
            State.Mapping = update.Mapping;
        }

        if (update.Schedule is not null)
        {
            State.Schedule = update.Schedule;
            AdvanceSchedule(clock.Time.GetUtcNow());
        }

        await SaveAsync();
        return new ConnectResult(true, ConnectFailure.None, "The settings are saved.", CreateStatus());
    }

    public async Task<DisconnectResult> DisconnectAsync(bool confirmed)
    {
        if (!confirmed)
        {
            return new DisconnectResult(false, "Disconnecting requires confirmation; nothing changed.", null);
        }

        if (State.State is ConnectionState.NotConnected or ConnectionState.Disconnected)
        {
            return new DisconnectResult(false, "The brand is not connected.", null);
        }

        var runId = State.ActiveRun?.RunId;
        SetState(ConnectionState.Disconnected, null);
        State.NextOccurrence = null;
        State.NextDueAt = null;
        State.RetryAt = null;
        await SaveAsync();
        await UnregisterReminderAsync();

        if (IsRunLoopActive)
        {
            // The run finishes the batches in flight, commits the cursor and records itself as cancelled.
            _stop?.Cancel();
            await Task.WhenAny(_runTask!, Task.Delay(TimeSpan.FromSeconds(5), clock.Time));
        }

        ClearCredentials();
        await SaveAsync();
        Log.Disconnected(logger, BrandId);
        var message = runId is null
            ? "Disconnected. History and rejected events are kept."
            : $"Disconnected. Run {runId} stops after the batches in flight. History and rejected events are kept.";
        return new DisconnectResult(true, message, runId);
    }

    private Task<(ConnectFailure Failure, string Message)> CheckCredentialsAsync(
        MixpanelResidency residency,
        string token,
        ServiceAccountCredentials? serviceAccount) =>
        ConnectionProbe.CheckAsync(
            ingestionClient,
            GrainFactory.GetGrain<IRateBudgetGrain>(ProjectKeyOf(token)),
            clock.Time,
            new CredentialCheck(residency, token, serviceAccount, Settings.CredentialCheckTimeout));

    private ConnectResult Failed(ConnectFailure failure, string message) =>
        new(false, failure, message, CreateStatus());

    private static string? ValidateSettings(
        string? token,
        SyncSchedule? schedule,
        ServiceAccountCredentials? serviceAccount)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return "The project token is missing.";
        }

        if (!ScheduleCalculator.TryValidate(schedule, out var reason))
        {
            return reason;
        }

        if (serviceAccount is not null
            && (string.IsNullOrWhiteSpace(serviceAccount.Username)
                || string.IsNullOrWhiteSpace(serviceAccount.Secret)
                || string.IsNullOrWhiteSpace(serviceAccount.ProjectId)))
        {
            return "The service account needs a user name, a secret and a project id.";
        }

        return null;
    }

    private void StoreCredentials(string token, MixpanelResidency residency, ServiceAccountCredentials? serviceAccount)
    {
        State.ProtectedToken = protector.Protect(token);
        State.MaskedToken = Hosting.SecretProtector.Mask(token);
        State.ProjectKey = ProjectKeyOf(token);
        State.Residency = residency;
        State.ServiceAccountUsername = serviceAccount?.Username;
        State.ProtectedServiceAccountSecret = serviceAccount is null ? null : protector.Protect(serviceAccount.Secret);
        State.ServiceAccountProjectId = serviceAccount?.ProjectId;
    }

    private void ClearCredentials()
    {
        State.ProtectedToken = null;
        State.ProtectedServiceAccountSecret = null;
    }

    private ServiceAccountCredentials? StoredServiceAccount() =>
        State.ServiceAccountUsername is null || State.ProtectedServiceAccountSecret is null
            ? null
            : new ServiceAccountCredentials(
                State.ServiceAccountUsername,
                protector.Unprotect(State.ProtectedServiceAccountSecret),
                State.ServiceAccountProjectId ?? string.Empty);

    private void SetState(ConnectionState state, string? reason)
    {
        State.State = state;
        State.StateReason = reason;
    }
}
