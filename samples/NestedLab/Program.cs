// The nested-virtualization walkthrough as one command: probe the host, create the NAT network for L2, edit the L1
// guest for nesting (host-passthrough CPU, virtio-scsi, a LUN), create and start L2, show L2's addresses, and compare
// VM exits before and after a change. Every argument is checked before anything is changed. Runs on libvirt's
// in-process test driver unless --connect names a real one. See LabOptions.Usage.
using LibvirtNested;
using LibvirtNested.Samples;

LabOptions options;
try
{
    options = LabOptions.Parse(args);
}
catch (ArgumentException e)
{
    foreach (var line in ErrorText.WithoutParameterSuffix(e).Split('\n'))
    {
        Console.Error.WriteLine($"NestedLab: {line}");
    }

    Console.Error.WriteLine(LabOptions.Usage);
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
    var lab = new Lab(options, connection, Console.Out);
    var problems = lab.Check();
    if (problems.Count > 0)
    {
        foreach (var problem in problems)
        {
            Console.Error.WriteLine($"NestedLab: {problem}");
        }

        Console.Error.WriteLine("NestedLab: nothing was changed.");
        return 2;
    }

    await lab.RunAsync(cancel.Token).ConfigureAwait(false);
    Console.WriteLine(options.DryRun ? "\nDry run finished: nothing was changed." : "\nDone.");
    return 0;
}
catch (Exception e) when (!options.Verbose)
{
    Console.Error.WriteLine($"\nNestedLab failed: {ErrorText.Of(e)} (run with --verbose for the stack trace)");
    return 1;
}
catch (Exception e)
{
    Console.Error.WriteLine($"\nNestedLab failed: {e}");
    return 1;
}
