using System.Text.Json;
using LibvirtNested.Host;
using NUnit.Framework;

namespace LibvirtNested.Cli.Tests;

/// <summary><c>virt-nest vmexit compare</c> on the walkthrough's perf kvm stat reports.</summary>
[TestFixture]
public sealed class VmExitTests
{
    private static VmExitComparison Expected() =>
        VmExitComparison.Compare(PerfKvmStatReport.Parse(File.ReadAllText(Fixtures.PerfBefore)), PerfKvmStatReport.Parse(File.ReadAllText(Fixtures.PerfAfter)));

    [Test]
    public void Compare_prints_the_librarys_table()
    {
        var result = Cli.Run("vmexit", "compare", Fixtures.PerfBefore, Fixtures.PerfAfter);

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        Assert.That(result.Output, Is.EqualTo(Expected() + "\n"));
        Assert.That(result.Output, Does.Contain("VMREAD").And.Contain("(total)"));
    }

    [Test]
    public void Compare_json_has_totals_and_one_row_per_reason()
    {
        var expected = Expected();

        var result = Cli.Run("vmexit", "compare", Fixtures.PerfBefore, Fixtures.PerfAfter, "--json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        using var json = JsonDocument.Parse(result.Output);
        Assert.That(json.RootElement.GetProperty("totalBefore").GetInt64(), Is.EqualTo(expected.TotalBefore));
        Assert.That(json.RootElement.GetProperty("totalAfter").GetInt64(), Is.EqualTo(expected.TotalAfter));
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.That(rows.Select(r => r.GetProperty("name").GetString()), Is.EqualTo(expected.Rows.Select(r => r.Name)));
        Assert.That(rows.Select(r => r.GetProperty("before").GetInt64()), Is.EqualTo(expected.Rows.Select(r => r.Before)));
        Assert.That(rows.Select(r => r.GetProperty("after").GetInt64()), Is.EqualTo(expected.Rows.Select(r => r.After)));
        Assert.That(rows.Select(r => r.GetProperty("eliminated").GetInt64()), Is.EqualTo(expected.Rows.Select(r => r.Eliminated)));
        var vmread = rows.Single(r => r.GetProperty("name").GetString() == "VMREAD");
        Assert.That(vmread.GetProperty("changePercent").GetDouble(), Is.EqualTo(expected.Find("VMREAD")!.ChangePercent!.Value).Within(0.01));
    }

    [Test]
    public void A_file_without_rows_is_an_error_naming_it()
    {
        using var temp = new TempDirectory();
        var empty = temp.File("empty.txt");
        File.WriteAllText(empty, "nothing here\n");

        var result = Cli.Run("vmexit", "compare", empty, Fixtures.PerfAfter);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Failed), result.ToString);
        Cli.AssertOneErrorParagraph(result);
        Assert.That(result.Error, Does.Contain(empty).And.Contain("perf kvm stat report"));
    }

    [Test]
    public void A_missing_report_is_not_found()
    {
        var result = Cli.Run("vmexit", "compare", "/nonexistent/before.txt", Fixtures.PerfAfter);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.NotFound), result.ToString);
        Cli.AssertOneErrorParagraph(result);
    }
}
