using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using LibvirtNested.Host;
using LibvirtNested.Testing;
using LibvirtNested.Tests.Samples;
using LibvirtNested.Xml;
using NUnit.Framework;

namespace LibvirtNested.Tests.Readme;

/// <summary>
/// README.md: every ```csharp block is compiled and run — all of them, in order, as one generated file-based app on
/// test:///default — and its claims about commands, files and error types are checked against the repository.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));

    internal static IReadOnlyList<string> CSharpBlocks() =>
        CSharpBlock().Matches(Readme).Select(m => m.Groups["code"].Value).ToList();

    /// <summary>
    /// One program, one block per run: the blocks' namespace usings hoisted to the top, each block a case of a switch on
    /// the first argument. Each block runs in a process of its own, so none depends on what another created (the
    /// in-process test driver starts afresh in every process), as a reader who copies one snippet would run it.
    /// </summary>
    internal static string GenerateProgram(IReadOnlyList<string> blocks, string projectPath)
    {
        var usings = new SortedSet<string>(StringComparer.Ordinal);
        var body = new StringBuilder("switch (args[0])\n{\n");
        for (var i = 0; i < blocks.Count; i++)
        {
            body.Append($"case \"{i + 1}\":\n{{\n");
            foreach (var line in blocks[i].Split('\n'))
            {
                if (UsingDirective().IsMatch(line))
                {
                    usings.Add(line.Trim());
                }
                else
                {
                    body.Append("    ").Append(line).Append('\n');
                }
            }

            body.Append($"    Console.WriteLine(\"README block {i + 1} done\");\n    break;\n}}\n");
        }

        body.Append("}\n");
        // The hosting example needs the hosting package and a generic host; the logging example the console logger.
        var hosting = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(projectPath))!, "LibvirtNested.Hosting", "LibvirtNested.Hosting.csproj");
        return $"#:project {projectPath}\n#:project {hosting}\n#:package Microsoft.Extensions.Hosting@{PackageVersion("Microsoft.Extensions.Hosting")}\n"
            + "#:property TreatWarningsAsErrors=true\n#:property Nullable=enable\n"
            + string.Join('\n', usings) + "\n\n"
            // LibvirtNested is [SupportedOSPlatform("linux")]: a caller says so too, or CA1416 warns at every call.
            + "[assembly: System.Runtime.Versioning.SupportedOSPlatform(\"linux\")]\n" + body;
    }

    /// <summary>The version Directory.Packages.props gives <paramref name="id"/>, so the README program restores what the repository does.</summary>
    private static string PackageVersion(string id) =>
        System.Xml.Linq.XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Packages.props")).Descendants("PackageVersion")
            .Single(p => p.Attribute("Include")?.Value == id).Attribute("Version")!.Value;

    [Test]
    public void Every_csharp_block_compiles_and_runs_on_its_own_on_the_test_driver()
    {
        var blocks = CSharpBlocks();
        Assert.That(blocks, Has.Count.GreaterThanOrEqualTo(7), "the core uses: nesting edit, LUN, NAT network, L2, address, readiness, VM exits");
        var temp = SampleProcess.NewTemporaryDirectory();
        try
        {
            var program = Path.Combine(temp, "readme.cs");
            File.WriteAllText(program, GenerateProgram(blocks, Path.Combine(RepositoryPaths.Root, "src", "LibvirtNested", "LibvirtNested.csproj")));
            // The VM-exit example reads perf output; the host tests' fixtures stand in for a real capture.
            var perf = Path.Combine(RepositoryPaths.Root, "tests", "LibvirtNested.Tests", "Host", "Fixtures", "Perf");
            File.Copy(Path.Combine(perf, "synthetic-intel-before-shadow-vmcs.txt"), Path.Combine(temp, "before.txt"));
            File.Copy(Path.Combine(perf, "synthetic-intel-after-shadow-vmcs.txt"), Path.Combine(temp, "after.txt"));

            var build = SampleProcess.Run("dotnet", ["build", "-c", "Release", program], temp);
            Assert.That(build.ExitCode, Is.Zero, build.ToString);
            var output = new StringBuilder();
            for (var i = 1; i <= blocks.Count; i++)
            {
                var result = SampleProcess.Run("dotnet", ["run", "--no-build", "-c", "Release", program, "--", $"{i}"], temp);
                Assert.That(result.ExitCode, Is.Zero, $"README block {i} on its own:\n{blocks[i - 1]}\n{result}");
                Assert.That(result.Output, Does.Contain($"README block {i} done"), result.ToString);
                output.Append(result.Output);
            }

            Assert.That(output.ToString(), Does.Contain("TEST connection: Healthy").And.Match(@"libvirt calls seen by the meter: [1-9]"), output.ToString);
            Assert.That(output.ToString(), Does.Contain("+  <cpu mode='host-passthrough'/>")
                .And.Contain("Nested virtualization readiness: ")
                .And.Contain("VMREAD + VMWRITE exits eliminated: ")
                .And.Contain("running at start: test\n")
                .And.Contain("nested-L2 started: configure it\nnested-L2 stopped: release what it held\n")
                .And.Contain("running at the end: test\n"), output.ToString);
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    [Test]
    public void Quick_start_has_exactly_the_two_commands()
    {
        var start = Readme.IndexOf("## Quick start", StringComparison.Ordinal);
        var quickStart = Readme[start..Readme.IndexOf("\n## ", start, StringComparison.Ordinal)];
        var commands = ShellBlock().Matches(quickStart).SelectMany(m => m.Groups["code"].Value.Split('\n'))
            .Where(line => line.Trim().Length > 0)
            .Select(line => line.Split('#')[0].Trim())
            .ToList();

        Assert.That(commands, Is.EqualTo(new[] { "bash scripts/walkthrough.sh", "bash scripts/test.sh" }));
    }

    [Test]
    public void Every_repository_path_it_names_exists()
    {
        var paths = RepositoryPath().Matches(Readme).Select(m => m.Value.TrimEnd('.', '/')).Distinct().ToList();

        Assert.That(paths, Has.Count.GreaterThan(8));
        Assert.That(paths.Where(p => !File.Exists(Path.Combine(RepositoryPaths.Root, p)) && !Directory.Exists(Path.Combine(RepositoryPaths.Root, p))),
            Is.Empty);
    }

    [Test]
    public void Every_exception_type_it_names_exists()
    {
        var types = new[] { typeof(LibvirtConnection).Assembly, typeof(LibvirtXmlException).Assembly }
            .SelectMany(a => a.GetExportedTypes())
            .Select(t => t.Name)
            .ToHashSet(StringComparer.Ordinal);
        var named = ExceptionName().Matches(Readme).Select(m => m.Value).Distinct().ToList();

        Assert.That(named, Has.Count.GreaterThanOrEqualTo(15));
        Assert.That(named.Where(n => n != "ArgumentException" && !types.Contains(n)), Is.Empty);
        Assert.That(typeof(BlockDeviceInUseException).IsSubclassOf(typeof(BlockDeviceSafetyException)));
    }

    [Test]
    public void Every_libvirt_exception_in_the_table_is_a_LibvirtException()
    {
        var table = Readme[Readme.IndexOf("| Exception | When |", StringComparison.Ordinal)..Readme.IndexOf("Outside that hierarchy", StringComparison.Ordinal)];
        var types = typeof(LibvirtConnection).Assembly.GetExportedTypes().ToDictionary(t => t.Name, StringComparer.Ordinal);
        var named = ExceptionName().Matches(table).Select(m => m.Value).ToList();
        var all = types.Values.Where(t => t.IsSubclassOf(typeof(LibvirtException))).Select(t => t.Name);

        Assert.That(named.Select(n => types[n]), Has.All.Matches<Type>(t => t!.IsSubclassOf(typeof(LibvirtException))));
        Assert.That(all, Is.SubsetOf(named), "every LibvirtException subclass is in the table");
    }

    [Test]
    public void The_package_line_names_the_current_version()
    {
        var version = System.Xml.Linq.XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Build.props")).Descendants("Version").Single().Value;

        Assert.That(Readme, Does.Contain($"#:package LibvirtNested@{version}"));
        Assert.That(typeof(LibvirtConnection).Assembly.GetName().Version?.ToString(3), Is.EqualTo(version));
        Assert.That(typeof(LibvirtConnection).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>(), Is.Not.Null);
    }

    [GeneratedRegex("```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex("```sh\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShellBlock();

    [GeneratedRegex(@"^\s*using [A-Za-z0-9_.]+;\s*$")]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"(?<![\w/.-])(samples|scripts|src|tests)/[\w./-]*[\w/]")]
    private static partial Regex RepositoryPath();

    [GeneratedRegex(@"\b[A-Z]\w*Exception\b")]
    private static partial Regex ExceptionName();
}
