using System.Text;
using LibvirtNested.Host;
using LibvirtNested.Xml;

namespace LibvirtNested.Cli;

/// <summary>
/// Turns an exception into the exit code it stands for and ONE paragraph on stderr: what failed, libvirt's own words and
/// error code name, and what to do where there is something to do. The stack trace only with <c>--debug</c>.
/// </summary>
internal static class ErrorReport
{
    public static int Write(Exception exception, TextWriter error, bool debug)
    {
        var code = ExitCodeOf(exception);
        error.WriteLine(OneParagraph($"virt-nest: error: {Text(exception)}"));
        if (debug)
        {
            error.WriteLine();
            error.WriteLine(exception.ToString());
        }

        return code;
    }

    public static int ExitCodeOf(Exception exception) => exception switch
    {
        CommandFailedException failed => failed.ExitCode,
        UsageException or ArgumentException or FormatException or LibvirtXmlValueException => ExitCodes.Usage,
        LibvirtNotFoundException or FileNotFoundException or DirectoryNotFoundException => ExitCodes.NotFound,
        LibvirtAlreadyExistsException => ExitCodes.AlreadyExists,
        LibvirtNotInstalledException or LibvirtConnectionFailedException or LibvirtAuthenticationException => ExitCodes.ConnectionFailed,
        BlockDeviceSafetyException => ExitCodes.DeviceUnsafe,
        TimeoutException => ExitCodes.TimedOut,
        _ => ExitCodes.Failed,
    };

    public static string Text(Exception exception) => exception switch
    {
        LibvirtNotInstalledException => $"{exception.Message} Install libvirt's client library (Debian/Ubuntu: apt-get install libvirt0; Fedora/RHEL: libvirt-libs).",
        LibvirtConnectionFailedException connection => $"{connection.LibvirtMessage} [{connection.CodeName ?? "code " + connection.Code}] " +
            "Check the URI (--connect), that the daemon runs and that you may use its socket; test:///default needs no daemon.",
        // libvirt's text plus the code name says it once; LibvirtException.Message repeats the function and domain.
        LibvirtException { CodeName: { } name } libvirt => $"{libvirt.LibvirtMessage} [{name}]",
        LibvirtException libvirt => libvirt.LibvirtMessage,
        ArgumentException argument => WithoutParameterSuffix(argument),
        FileNotFoundException file when file.FileName is not null => $"{file.FileName}: no such file.",
        OperationCanceledException => "cancelled.",
        CommandFailedException or UsageException or LibvirtXmlException or BlockDeviceSafetyException or IOException
            or UnauthorizedAccessException or TimeoutException or FormatException => exception.Message,
        _ => $"{exception.Message} (an unexpected {exception.GetType().Name}; run again with --debug for the stack trace and report it)",
    };

    /// <summary>ArgumentException.Message appends " (Parameter 'name')": the C# name means nothing to the person who typed the value.</summary>
    private static string WithoutParameterSuffix(ArgumentException exception)
    {
        var message = exception.Message;
        var suffix = $" (Parameter '{exception.ParamName}')";
        return exception.ParamName is not null && message.EndsWith(suffix, StringComparison.Ordinal) ? message[..^suffix.Length] : message;
    }

    /// <summary>Line breaks inside libvirt's or the OS's text would split the paragraph: fold them into spaces.</summary>
    private static string OneParagraph(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
