using LibvirtNested.Testing;
using NUnit.Framework;

namespace LibvirtNested.AotTests;

/// <summary>
/// scripts/aot-check.sh: the NativeAOT publish of tests/aot/AotSmoke has zero trim/AOT warnings and the native binary
/// exercises every public area of the libraries on test:///default; and the script's two judges (the publish-log scan
/// and the run verification) do fail on what they must fail on.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class AotCheckScriptTests
{
    private static readonly string Script = Path.Combine(RepositoryPaths.Root, "scripts", "aot-check.sh");

    // A NativeAOT publish takes minutes on a loaded 2-core machine (see benchmarks/README.md, "Issue 11").
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(40);

    private string work = "";

    [SetUp]
    public void CreateWorkDirectory() => work = Directory.CreateTempSubdirectory("aot-check-").FullName;

    [TearDown]
    public void DeleteWorkDirectory() => Directory.Delete(work, recursive: true);

    [Test]
    [CancelAfter(45 * 60 * 1000)]
    public void The_libraries_publish_with_NativeAOT_without_a_warning_and_the_native_smoke_app_passes_every_check()
    {
        var run = Bash([Script], new Dictionary<string, string> { ["AOT_CHECK_OUT"] = Path.Combine(work, "out") }, PublishTimeout);

        TestContext.Out.WriteLine(run.Output);
        Assert.That(run.ExitCode, Is.Zero, run.Output);
        Assert.That(run.Output, Does.Match(@"aot-check: publish took \d+\.\d{3} s \(exit 0\)"));
        Assert.That(run.Output, Does.Match(@"aot-check: \d+ checks passed in the areas xml,native,events,resilient,telemetry,host,hosting"));
        Assert.That(File.ReadAllText(Path.Combine(work, "out", "run.txt")), Does.Not.Contain("FAIL "));
    }

    [TestCase("/work/src/LibvirtNested/Interop/X.cs(12,5): warning IL2026: Using member 'System.Type.GetMethods()' which has 'RequiresUnreferencedCodeAttribute' [/work/tests/aot/AotSmoke/AotSmoke.csproj]")]
    [TestCase("/work/src/LibvirtNested/Interop/X.cs(12,5): error IL3050: Using member 'System.Enum.GetValues(Type)' which has 'RequiresDynamicCodeAttribute' [/work/tests/aot/AotSmoke/AotSmoke.csproj]")]
    [TestCase("ILC : AOT analysis warning IL3054: Generic expansion to 'Foo<Bar>' was aborted due to generic recursion. [/work/tests/aot/AotSmoke/AotSmoke.csproj]")]
    [TestCase("ILC : Trim analysis warning IL2104: Assembly 'Some.Library' produced trim warnings. [/work/tests/aot/AotSmoke/AotSmoke.csproj]")]
    [TestCase("/usr/share/dotnet/sdk/10.0.401/Sdks/Microsoft.NET.Sdk/targets/Microsoft.NET.Publish.targets(351,5): warning NETSDK1179: One of '--self-contained' or '--no-self-contained' options are required")]
    [TestCase("clang : error : linker command failed with exit code 1 (use -v to see invocation) [/work/tests/aot/AotSmoke/AotSmoke.csproj]")]
    public void The_publish_log_scan_fails_on_any_trim_or_AOT_warning_or_error(string line)
    {
        var log = WriteLog($"  AotSmoke -> /work/bin/AotSmoke.dll\n{line}\n  Generating native code\n");

        var scan = Bash([Script, "--scan-log", log]);

        Assert.That(scan.ExitCode, Is.Not.Zero, scan.Output);
        Assert.That(scan.Output, Does.Contain(line.Trim()));
    }

    [Test]
    public void The_publish_log_scan_passes_a_clean_log()
    {
        var log = WriteLog("  Determining projects to restore...\n  LibvirtNested -> /work/src/LibvirtNested/bin/Release/net10.0/LibvirtNested.dll\n"
            + "  AotSmoke -> /work/tests/aot/AotSmoke/bin/Release/net10.0/linux-x64/AotSmoke.dll\n  Generating native code\n"
            + "  AotSmoke -> /work/artifacts/aot/AotSmoke/\n");

        var scan = Bash([Script, "--scan-log", log]);

        Assert.That(scan.ExitCode, Is.Zero, scan.Output);
    }

    [TestCase("0", "ok xml: a\nAotSmoke: areas xml,native,events,resilient,telemetry,host,hosting\nAotSmoke: 128 checks passed, 0 failed\n", true)]
    [TestCase("1", "ok xml: a\nAotSmoke: areas xml,native,events,resilient,telemetry,host,hosting\nAotSmoke: 128 checks passed, 0 failed\n", false)]
    [TestCase("0", "FAIL xml: a: why\nAotSmoke: areas xml,native,events,resilient,telemetry,host,hosting\nAotSmoke: 128 checks passed, 0 failed\n", false)]
    [TestCase("0", "ok xml: a\nAotSmoke: areas xml,native,events,resilient,telemetry,host\nAotSmoke: 128 checks passed, 0 failed\n", false)]
    [TestCase("0", "ok xml: a\nAotSmoke: areas xml,native,events,resilient,telemetry,host,hosting\nAotSmoke: 12 checks passed, 0 failed\n", false)]
    [TestCase("0", "ok xml: a\nAotSmoke: areas xml,native,events,resilient,telemetry,host,hosting\n", false)]
    [TestCase("0", "Unhandled exception. System.MissingMethodException\n", false)]
    public void The_run_verification_needs_exit_0_every_area_enough_checks_and_no_failure(string exitCode, string output, bool passes)
    {
        var file = WriteLog(output);

        var verify = Bash([Script, "--verify-run", file, exitCode]);

        Assert.That(verify.ExitCode == 0, Is.EqualTo(passes), verify.Output);
    }

    private string WriteLog(string text)
    {
        var path = Path.Combine(work, $"log-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, text);
        return path;
    }

    private static ProcessRun Bash(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null) =>
        ProcessRun.Start("bash", arguments, RepositoryPaths.Root, timeout ?? TimeSpan.FromMinutes(2), environment);
}
