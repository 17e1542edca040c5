using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace LibvirtNested.Hosting.Tests;

/// <summary>A logging provider that keeps each entry's category and event id.</summary>
internal sealed class ListLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, int EventId)> entries = new();

    internal IReadOnlyList<(string Category, int EventId)> Entries => [.. entries];

    public ILogger CreateLogger(string categoryName) => new Logger(entries, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<(string Category, int EventId)> entries, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue((category, eventId.Id));
    }
}
