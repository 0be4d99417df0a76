using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MedGrpc.Tests.Support;

/// <summary>One log entry as the service emitted it: its category, level, event, formatted message and exception.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception)
{
    /// <summary>Everything a log sink would write: the message, the exception with its stack trace, the state's values.</summary>
    public string Text { get; init; } = "";

    /// <summary>The structured values of the entry, by name.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Values { get; init; } = [];
}

/// <summary>
/// A logging provider that keeps every entry of a service in memory, at whatever level configuration lets through,
/// so a test can read what the service logged (a stack trace, a PHI string) as a log sink would have written it.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();

    public IReadOnlyList<CapturedLog> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose() { }

    private sealed class Logger(string category, ConcurrentQueue<CapturedLog> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            // A structured sink writes the state's values beside the message; they are searched too.
            var pairs = state is IEnumerable<KeyValuePair<string, object?>> structured ? structured.ToList() : [];
            var values = string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}"));
            entries.Enqueue(new CapturedLog(category, logLevel, eventId, message, exception)
            {
                Text = $"{category} {logLevel} {eventId} {message} {values} {exception}",
                Values = pairs,
            });
        }
    }
}
