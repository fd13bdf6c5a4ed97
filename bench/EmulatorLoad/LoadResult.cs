namespace MixpanelSync.EmulatorLoad;

/// <summary>Measurements of one timed run.</summary>
/// <param name="Events">Events sent.</param>
/// <param name="Elapsed">Wall-clock time of the run.</param>
/// <param name="CpuTime">CPU time of this process during the run, all threads.</param>
/// <param name="FailedRequests">Requests whose response status was not 200.</param>
internal sealed record LoadResult(long Events, TimeSpan Elapsed, TimeSpan CpuTime, int FailedRequests)
{
    public double EventsPerSecond => Events / Elapsed.TotalSeconds;
}
