using Microsoft.Extensions.Logging;

namespace LibvirtNested.Tests.Diagnostics;

/// <summary>A logger factory whose loggers throw on libvirt error messages (inside the native error handler), as a broken logging provider would.</summary>
internal sealed class ThrowingLoggerFactory : ILoggerFactory
{
    internal int Attempts;

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    private sealed class Logger(ThrowingLoggerFactory factory) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id is LibvirtLogEvents.LibvirtError or LibvirtLogEvents.ConnectionLost)
            {
                Interlocked.Increment(ref factory.Attempts);
                throw new InvalidOperationException("broken logging provider");
            }
        }
    }
}
