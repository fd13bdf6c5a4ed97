namespace MixpanelSync.MixpanelEmulator;

/// <summary>Lock-free counters behind <see cref="EmulatorStats"/>.</summary>
internal sealed class StatsCounters
{
    private readonly long[] _statusCodes = new long[600];
    private long _requestBytes;
    private long _uncompressedRequestBytes;
    private long _responseBytes;
    private long _eventsReceived;
    private long _eventsStored;
    private long _eventsRejected;
    private long _eventsDropped;
    private long _connectionsDropped;
    private long _requestsHung;

    public void AddResponse(int statusCode, long bodyBytes)
    {
        if (statusCode is >= 0 and < 600)
        {
            Interlocked.Increment(ref _statusCodes[statusCode]);
        }

        Interlocked.Add(ref _responseBytes, bodyBytes);
    }

    public void AddRequestBytes(long wireBytes, long uncompressedBytes)
    {
        Interlocked.Add(ref _requestBytes, wireBytes);
        Interlocked.Add(ref _uncompressedRequestBytes, uncompressedBytes);
    }

    public void AddEvents(long received, long stored, long rejected, long dropped)
    {
        Interlocked.Add(ref _eventsReceived, received);
        Interlocked.Add(ref _eventsStored, stored);
        Interlocked.Add(ref _eventsRejected, rejected);
        Interlocked.Add(ref _eventsDropped, dropped);
    }

    public void AddConnectionDropped() => Interlocked.Increment(ref _connectionsDropped);

    public void AddRequestHung() => Interlocked.Increment(ref _requestsHung);

    public EmulatorStats Snapshot()
    {
        var byStatus = new SortedDictionary<int, long>();
        for (var code = 0; code < _statusCodes.Length; code++)
        {
            var count = Interlocked.Read(ref _statusCodes[code]);
            if (count > 0)
            {
                byStatus[code] = count;
            }
        }

        return new EmulatorStats(
            byStatus,
            Interlocked.Read(ref _requestBytes),
            Interlocked.Read(ref _uncompressedRequestBytes),
            Interlocked.Read(ref _responseBytes),
            Interlocked.Read(ref _eventsReceived),
            Interlocked.Read(ref _eventsStored),
            Interlocked.Read(ref _eventsRejected),
            Interlocked.Read(ref _eventsDropped),
            Interlocked.Read(ref _connectionsDropped),
            Interlocked.Read(ref _requestsHung));
    }
}
