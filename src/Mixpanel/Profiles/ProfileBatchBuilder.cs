namespace MixpanelSync.Mixpanel;

/// <summary>
/// Validates profile updates and packs them into <see cref="PreparedBatch"/>es of at most 2000 updates for
/// <c>/engage</c>, with the same value rules and byte limits as events. Send them with
/// <see cref="MixpanelIngestionClient.SendAsync"/>. Not thread-safe.
/// </summary>
public sealed class ProfileBatchBuilder : IDisposable
{
    private readonly EventWriter _writer;
    private readonly MixpanelBatchOptions _options;
    private readonly string _projectToken;
    private readonly PooledBufferWriter _body = new(64 * 1024);
    private readonly List<PreparedEvent> _updates = [];

    /// <summary>Creates a builder.</summary>
    /// <param name="validator">The validator whose value rules apply.</param>
    /// <param name="options">The batch limits; at most 2000 updates per batch.</param>
    /// <param name="projectToken">The project token, written as <c>$token</c> in every update.</param>
    public ProfileBatchBuilder(MixpanelEventValidator validator, MixpanelBatchOptions options, string projectToken)
    {
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(projectToken);
        MixpanelBatchOptionsValidator.ThrowIfInvalid(options);
        _writer = validator.CreateWriter();
        _options = options;
        _projectToken = projectToken;
    }

    /// <summary>Validates the update and adds it, sealing the current batch first when it is full.</summary>
    public BatchAppendResult Append(ProfileUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var start = _body.WrittenCount;
        var validation = _writer.WriteProfile(update, _body, _projectToken);
        if (!validation.IsAccepted)
        {
            return new BatchAppendResult(validation, null);
        }

        var prepared = new PreparedEvent(
            update.SourceKey,
            update.DistinctId!,
            _body.WrittenCount - start,
            validation.Warnings.Count > 0 ? validation.Warnings : null);
        PreparedBatch? completed = null;
        var maxUpdates = Math.Min(_options.MaxEventsPerBatch, MixpanelLimits.MaxProfileUpdatesPerRequest);

        // Form encoding can triple the size of the JSON.
        if (_updates.Count > 0 && (_updates.Count >= maxUpdates || _body.WrittenCount > _options.MaxBatchBytes / 3))
        {
            completed = Seal(start);
        }

        _updates.Add(prepared);
        return new BatchAppendResult(validation, completed);
    }

    /// <summary>Seals and returns the current batch, or returns <see langword="null"/> when it is empty.</summary>
    public PreparedBatch? Flush() => _updates.Count == 0 ? null : Seal(_body.WrittenCount);

    /// <summary>Returns the pooled buffer.</summary>
    public void Dispose() => _body.Dispose();

    private PreparedBatch Seal(int length)
    {
        var body = Gzip.Compress(_body.WrittenSpan[..length], _options.CompressionLevel);
        var batch = new PreparedBatch(
            body,
            _updates.ToArray(),
            length,
            MixpanelIngestionEndpoint.Import,
            isProfileBatch: true);
        _updates.Clear();
        _body.RemovePrefix(length);
        return batch;
    }
}
