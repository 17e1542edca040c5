using BenchmarkDotNet.Running;
using LibvirtNested.Benchmarks;

return args.Length > 0 && QuickModes.TryRun(args, out var exitCode)
    ? exitCode
    : Run(args);

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(RoundTripBenchmarks).Assembly).Run(args);
    return 0;
}
