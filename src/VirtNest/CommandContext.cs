using System.CommandLine;

namespace LibvirtNested.Cli;

/// <summary>
/// What a command's action needs besides its own options: the output and error writers of this invocation (a test
/// passes its own), the global options, and the connection they describe.
/// </summary>
internal sealed class CommandContext(ParseResult parseResult, GlobalOptions global)
{
    public ParseResult ParseResult { get; } = parseResult;

    /// <summary>Standard output: data only (text or JSON), so that it can be piped.</summary>
    public TextWriter Out { get; } = parseResult.InvocationConfiguration.Output;

    /// <summary>Standard error: progress, notes and the error paragraph.</summary>
    public TextWriter Error { get; } = parseResult.InvocationConfiguration.Error;

    public bool Quiet { get; } = parseResult.GetValue(global.Quiet);

    public string? ConnectUri { get; } = parseResult.GetValue(global.Connect);

    /// <summary>A note or a progress line on stderr, unless <c>-q</c>.</summary>
    public void Note(string text)
    {
        if (!Quiet)
        {
            Error.WriteLine(text);
        }
    }

    /// <summary>A status line on stdout ("Domain 'x' defined"), unless <c>-q</c>; data is written to <see cref="Out"/> directly.</summary>
    public void Status(string text)
    {
        if (!Quiet)
        {
            Out.WriteLine(text);
        }
    }

    /// <summary>
    /// Opens the connection. With no <c>--connect</c>, an empty name goes to <c>virConnectOpen</c>, which libvirt treats
    /// as NULL: LIBVIRT_DEFAULT_URI, then <c>uri_default</c> in libvirt.conf, then probing the local hypervisors —
    /// exactly virsh's behaviour.
    /// </summary>
    public LibvirtConnection Open() => LibvirtConnection.Open(ConnectUri ?? string.Empty);

    public T Get<T>(Option<T> option) => ParseResult.GetValue(option)!;

    public T Get<T>(Argument<T> argument) => ParseResult.GetValue(argument)!;
}
