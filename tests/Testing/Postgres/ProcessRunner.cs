using System.Diagnostics;
using System.Text;

namespace MixpanelSync.Testing.Postgres;

/// <summary>Runs short helper programs (initdb, chown, kill) and collects their output.</summary>
internal static class ProcessRunner
{
    /// <summary>
    /// Runs a program to completion and returns its combined output.
    /// </summary>
    /// <exception cref="InvalidOperationException">The program exited with a non-zero code or timed out.</exception>
    public static async Task<string> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var startInfo = CreateStartInfo(fileName, arguments);
        using var process = new Process { StartInfo = startInfo };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);

        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException(
                $"'{Describe(startInfo)}' did not finish within {timeout.TotalSeconds:0} s. Output:\n{Read(output)}");
        }

        return process.ExitCode == 0
            ? Read(output)
            : throw new InvalidOperationException(
                $"'{Describe(startInfo)}' failed with exit code {process.ExitCode}. Output:\n{Read(output)}");
    }

    /// <summary>Creates start information that redirects all three standard streams.</summary>
    public static ProcessStartInfo CreateStartInfo(string fileName, IEnumerable<string> arguments)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return startInfo;
    }

    /// <summary>Returns the command line for messages.</summary>
    public static string Describe(ProcessStartInfo startInfo) =>
        string.Join(' ', startInfo.ArgumentList.Prepend(startInfo.FileName));

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Read(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
