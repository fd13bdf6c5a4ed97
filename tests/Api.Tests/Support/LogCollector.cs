using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MixpanelSync.Api.Tests.Support;

/// <summary>A logger provider that keeps every formatted message, with its exception, for assertions.</summary>
public sealed class LogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _messages = new();

    /// <summary>Everything logged so far, one entry per message.</summary>
    public IReadOnlyList<string> Messages => [.. _messages];

    /// <summary>The lowest level kept; Debug unless set.</summary>
    public LogLevel MinimumLevel { get; init; } = LogLevel.Debug;

    public ILogger CreateLogger(string categoryName) => new CollectingLogger(categoryName, _messages, MinimumLevel);

    public void Dispose()
    {
    }

    private sealed class CollectingLogger(string category, ConcurrentQueue<string> messages, LogLevel minimumLevel)
        : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimumLevel;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            messages.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
        }
    }
}
