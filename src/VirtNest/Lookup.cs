namespace LibvirtNested.Cli;

/// <summary>Domain and network look-ups whose failure names what was looked for and where, for the error paragraph.</summary>
internal static class Lookup
{
    public static LibvirtDomain Domain(LibvirtConnection connection, string name) =>
        connection.TryGetDomain(name, out var domain)
            ? domain!
            : throw new CommandFailedException(ExitCodes.NotFound, $"there is no domain '{name}' on {connection.Uri} (virsh -c {connection.Uri} list --all lists them).");

    public static LibvirtNetwork Network(LibvirtConnection connection, string name) =>
        connection.TryGetNetwork(name, out var network)
            ? network!
            : throw new CommandFailedException(ExitCodes.NotFound, $"there is no network '{name}' on {connection.Uri} (virsh -c {connection.Uri} net-list --all lists them).");
}
