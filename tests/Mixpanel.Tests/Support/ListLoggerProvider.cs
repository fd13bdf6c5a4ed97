using Microsoft.Extensions.Logging;

namespace MixpanelSync.Mixpanel.Tests;

/// <summary>Collects formatted log messages in memory.</summary>
internal sealed class ListLoggerProvider : ILoggerProvider
{
    private readonly List<(LogLevel Level, EventId Id, string Message)> _entries = [];

    public IReadOnlyList<(LogLevel Level, EventId Id, string Message)> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new ListLogger(this);

    public void Dispose()
    {
    }

    private sealed class ListLogger(ListLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            lock (provider._entries)
            {
                provider._entries.Add((logLevel, eventId, formatter(state, exception)));
            }
        }
    }
}
