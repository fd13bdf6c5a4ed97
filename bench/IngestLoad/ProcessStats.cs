using System.Globalization;

namespace MixpanelSync.IngestLoad;

/// <summary>CPU time and peak resident memory of a process on this machine, read from <c>/proc</c>.</summary>
internal readonly record struct ProcessStats(TimeSpan CpuTime, long PeakRssBytes)
{
    /// <summary>Reads the stats of the process, or returns <see langword="null"/> when it is not found.</summary>
    public static ProcessStats? Read(int pid)
    {
        var statPath = $"/proc/{pid}/stat";
        var statusPath = $"/proc/{pid}/status";
        if (!File.Exists(statPath) || !File.Exists(statusPath))
        {
            return null;
        }

        // The command name in field 2 may contain spaces, so fields are counted after its closing parenthesis.
        var stat = File.ReadAllText(statPath);
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture)
            + long.Parse(fields[12], CultureInfo.InvariantCulture);

        var peakKiB = File.ReadLines(statusPath)
            .Where(line => line.StartsWith("VmHWM:", StringComparison.Ordinal))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1])
            .Select(kibibytes => long.Parse(kibibytes, CultureInfo.InvariantCulture))
            .FirstOrDefault();

        // utime and stime count clock ticks, 100 a second on Linux (getconf CLK_TCK).
        return new ProcessStats(TimeSpan.FromSeconds(ticks / 100.0), peakKiB * 1024);
    }

    /// <summary>Returns the 1-minute load average from <c>/proc/loadavg</c>, or "unknown".</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
}
