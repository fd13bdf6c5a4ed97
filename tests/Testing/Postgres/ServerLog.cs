namespace MixpanelSync.Testing.Postgres;

/// <summary>The last lines a server process wrote, kept for error messages.</summary>
internal sealed class ServerLog
{
    private const int MaxLines = 200;

    private readonly Queue<string> _lines = new();

    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            if (_lines.Count == MaxLines)
            {
                _lines.Dequeue();
            }

            _lines.Enqueue(line);
        }
    }

    public bool MentionsPortInUse()
    {
        lock (_lines)
        {
            return _lines.Any(line => line.Contains("could not bind", StringComparison.OrdinalIgnoreCase)
                || line.Contains("already in use", StringComparison.OrdinalIgnoreCase));
        }
    }

    public override string ToString()
    {
        lock (_lines)
        {
            return string.Join('\n', _lines);
        }
    }
}
