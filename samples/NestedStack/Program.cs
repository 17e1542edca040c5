// The C# driver of scripts/nested-stack.sh: the library builds the real L0 -> L1 -> L2 stack end to end.
//   NestedStack stack --work DIR [--l1 auto|kvm|tcg] [--l1-name NAME] [--uri URI] [--budget SECONDS] [--keep]
//       on L0, inside the sandbox's network namespace: every stage, results in DIR/results.json
//   NestedStack l1-report --out FILE
//       inside L1 (same build, over L0's read-only root): the readiness probe and the block-device safety check
//       of the scsi_debug disk, as JSON for L0
using LibvirtNested.Samples.NestedStack;

return args.FirstOrDefault() switch
{
    "stack" => await StackCommand.RunAsync(StackOptions.Parse(args[1..])).ConfigureAwait(false),
    "l1-report" when args.Length == 3 && args[1] == "--out" => L1Report.Write(args[2]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: NestedStack stack --work DIR [--l1 auto|kvm|tcg] [--l1-name NAME] [--uri URI] [--budget SECONDS] [--keep]");
    Console.Error.WriteLine("       NestedStack l1-report --out FILE");
    return 2;
}
