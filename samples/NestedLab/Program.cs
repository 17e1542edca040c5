// The nested-virtualization walkthrough as one command: probe the host, create the NAT network for L2, edit the L1
// guest for nesting (host-passthrough CPU, virtio-scsi, a LUN), create and start L2, and show L2's addresses.
// Runs on libvirt's in-process test driver unless --connect names a real one. See LabOptions.Usage.
using LibvirtNested;
using LibvirtNested.Samples;

LabOptions options;
try
{
    options = LabOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"NestedLab: {e.Message}\n{LabOptions.Usage}");
    return 2;
}

if (options.Help)
{
    Console.WriteLine(LabOptions.Usage);
    return 0;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

try
{
    using var connection = LibvirtConnection.Open(options.Connect);
    await new Lab(options, connection, Console.Out).RunAsync(cancel.Token).ConfigureAwait(false);
    Console.WriteLine(options.DryRun ? "\nDry run finished: nothing was changed." : "\nDone.");
    return 0;
}
catch (Exception e) when (!options.Verbose)
{
    Console.Error.WriteLine($"\nNestedLab failed: {Describe(e)} (run with --verbose for the stack trace)");
    return 1;
}
catch (Exception e)
{
    Console.Error.WriteLine($"\nNestedLab failed: {e}");
    return 1;
}

static string Describe(Exception e) => e switch
{
    LibvirtNotInstalledException => $"{e.Message} Install libvirt0 (bash scripts/install-prerequisites.sh).",
    LibvirtException libvirt => $"{libvirt.Message} [libvirt error {libvirt.CodeName ?? libvirt.Code.ToString(System.Globalization.CultureInfo.InvariantCulture)}]",
    OperationCanceledException => "cancelled.",
    _ => e.Message,
};
