using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using LibvirtNested.Benchmarks;

return args.Length > 0 && QuickModes.TryRun(args, out var exitCode)
    ? exitCode
    : Run(args);

static int Run(string[] args)
{
    // On a shared machine other processes only ever add time: Min and Median say more than Mean.
    var config = DefaultConfig.Instance.AddColumn(StatisticColumn.Min, StatisticColumn.Median);
    BenchmarkSwitcher.FromAssembly(typeof(RoundTripBenchmarks).Assembly).Run(args, config);
    return 0;
}
