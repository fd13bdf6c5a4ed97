namespace MixpanelSync.Silo.Tests.Storage;

[GenerateSerializer]
[Alias("MixpanelSync.Silo.Tests.ProbeState")]
public sealed class ProbeState
{
    [Id(0)]
    public string? Value { get; set; }
}

public sealed class StateProbeGrain([PersistentState("probe")] IPersistentState<ProbeState> state)
    : Grain, IStateProbeGrain
{
    public async Task WriteAsync(string value)
    {
        state.State.Value = value;
        await state.WriteStateAsync();
    }

    public Task<string?> ReadAsync() => Task.FromResult(state.State.Value);

    public Task ClearAsync() => state.ClearStateAsync();

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
