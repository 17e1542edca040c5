namespace LibvirtNested.Samples;

/// <summary>One line per failure for a person at a terminal: no ArgumentException "(Parameter 'x')" suffix, and a libvirt
/// error code named once.</summary>
internal static class ErrorText
{
    public static string Of(Exception exception) => exception switch
    {
        LibvirtNotInstalledException => $"{exception.Message} Install libvirt0 (bash scripts/install-prerequisites.sh).",
        // Message already ends with "(function: CODE, DOMAIN)"; libvirt's own text plus the code name says it once.
        LibvirtException { CodeName: { } code } libvirt => $"{libvirt.LibvirtMessage} [{code}]",
        ArgumentException argument => WithoutParameterSuffix(argument),
        OperationCanceledException => "cancelled.",
        _ => exception.Message,
    };

    /// <summary>ArgumentException.Message appends " (Parameter 'name')" when ParamName is set: the C# name means nothing to
    /// the person who typed the value.</summary>
    public static string WithoutParameterSuffix(ArgumentException exception)
    {
        var message = exception.Message;
        var suffix = $" (Parameter '{exception.ParamName}')";
        return exception.ParamName is not null && message.EndsWith(suffix, StringComparison.Ordinal) ? message[..^suffix.Length] : message;
    }
}
