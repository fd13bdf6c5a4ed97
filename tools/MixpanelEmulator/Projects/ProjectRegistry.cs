using System.Collections.Concurrent;

namespace MixpanelSync.MixpanelEmulator;

/// <summary>Projects by token, by project id and by project secret; safe to change while requests run.</summary>
internal sealed class ProjectRegistry(EmulatorRateLimit defaultLimit, TimeProvider timeProvider, int? randomSeed)
{
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, ProjectState> _byToken = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ProjectState> _byProjectId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ProjectState> _bySecret = new(StringComparer.Ordinal);

    public IReadOnlyCollection<ProjectState> All => [.. _byToken.Values];

    /// <summary>Adds a project.</summary>
    /// <exception cref="InvalidOperationException">The token, project id or secret is already in use.</exception>
    public ProjectState Add(EmulatorProject project)
    {
        ProjectValidation.Validate(project);
        lock (_gate)
        {
            EnsureUnused(project);
            var random = randomSeed is { } seed ? new Random(seed) : Random.Shared;
            var state = new ProjectState(project, defaultLimit, timeProvider, random);
            _byToken[project.Token] = state;
            if (project.ProjectId is { Length: > 0 } projectId)
            {
                _byProjectId[projectId] = state;
            }

            if (project.ApiSecret is { Length: > 0 } secret)
            {
                _bySecret[secret] = state;
            }

            return state;
        }
    }

    public ProjectState? FindByToken(string token) => _byToken.GetValueOrDefault(token);

    public ProjectState? FindByProjectId(string projectId) => _byProjectId.GetValueOrDefault(projectId);

    public ProjectState? FindBySecret(string secret) => _bySecret.GetValueOrDefault(secret);

    /// <summary>Returns the project with this token.</summary>
    /// <exception cref="KeyNotFoundException">No project has the token.</exception>
    public ProjectState GetByToken(string token) =>
        FindByToken(token)
        ?? throw new KeyNotFoundException(
            $"No emulator project has token {TokenMask.Mask(token)}; add it with AddProject first.");

    private void EnsureUnused(EmulatorProject project)
    {
        if (_byToken.ContainsKey(project.Token) || _bySecret.ContainsKey(project.Token))
        {
            throw new InvalidOperationException($"Token {TokenMask.Mask(project.Token)} is already in use.");
        }

        if (project.ProjectId is { Length: > 0 } projectId && _byProjectId.ContainsKey(projectId))
        {
            throw new InvalidOperationException($"Project id {projectId} is already in use.");
        }

        if (project.ApiSecret is { Length: > 0 } secret
            && (_bySecret.ContainsKey(secret) || _byToken.ContainsKey(secret)))
        {
            throw new InvalidOperationException($"Project secret {TokenMask.Mask(secret)} is already in use.");
        }
    }
}
