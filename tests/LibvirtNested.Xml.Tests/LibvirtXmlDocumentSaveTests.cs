using System.Diagnostics;
using LibvirtNested.Xml.Domain;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests;

[TestFixture]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class LibvirtXmlDocumentSaveTests
{
    private static readonly DomainXml Domain = DomainXml.Parse("<domain type='kvm'><name>g</name></domain>");

    [Test]
    public void Save_through_a_chain_of_links_replaces_the_final_target_and_keeps_the_links()
    {
        WithFolder(folder =>
        {
            var target = Path.Combine(folder, "real.xml");
            File.WriteAllText(target, "old");
            Directory.CreateDirectory(Path.Combine(folder, "sub"));
            var middle = Path.Combine(folder, "sub", "middle.xml");
            File.CreateSymbolicLink(middle, "../real.xml");
            var link = Path.Combine(folder, "link.xml");
            File.CreateSymbolicLink(link, middle);

            Domain.Save(link);

            Assert.That(new FileInfo(link).LinkTarget, Is.EqualTo(middle));
            Assert.That(new FileInfo(middle).LinkTarget, Is.EqualTo("../real.xml"));
            Assert.That(File.ReadAllText(target), Is.EqualTo(Domain.ToXmlString()));
            Assert.That(Directory.GetFiles(folder).Where(f => f.EndsWith(".tmp", StringComparison.Ordinal)), Is.Empty);
        });
    }

    [Test]
    public void Save_through_a_dangling_link_creates_its_target()
    {
        WithFolder(folder =>
        {
            var link = Path.Combine(folder, "link.xml");
            File.CreateSymbolicLink(link, Path.Combine(folder, "new.xml"));
            Domain.Save(link);
            Assert.That(new FileInfo(link).LinkTarget, Is.Not.Null);
            Assert.That(File.ReadAllText(Path.Combine(folder, "new.xml")), Is.EqualTo(Domain.ToXmlString()));
        });
    }

    [Test]
    public void Save_keeps_the_permissions_of_the_file_it_replaces()
    {
        WithFolder(folder =>
        {
            var path = Path.Combine(folder, "g.xml");
            File.WriteAllText(path, "old");
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
            Domain.Save(path);
            Assert.That(File.GetUnixFileMode(path), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead));
        });
    }

    [Test]
    public void A_fifo_is_refused_without_blocking_and_stays_a_fifo()
    {
        WithFolder(folder =>
        {
            var fifo = Path.Combine(folder, "fifo.xml");
            Run("mkfifo", fifo);
            var link = Path.Combine(folder, "link.xml");
            File.CreateSymbolicLink(link, fifo);
            Assert.That(() => Domain.Save(fifo), Throws.TypeOf<NotARegularFileException>().With.Property("Path").EqualTo(fifo));
            Assert.That(() => Domain.Save(link), Throws.TypeOf<NotARegularFileException>());
            Assert.That(Run("stat", "-c", "%F", fifo), Is.EqualTo("fifo\n"));
            Assert.That(Directory.GetFiles(folder), Has.Length.EqualTo(2), "no temporary file is left");
        });
    }

    [Test]
    public void A_device_node_behind_a_link_is_refused_and_stays_a_device()
    {
        WithFolder(folder =>
        {
            var link = Path.Combine(folder, "null.xml");
            File.CreateSymbolicLink(link, "/dev/null");
            Assert.That(() => Domain.Save(link), Throws.TypeOf<NotARegularFileException>());
            Assert.That(Run("stat", "-c", "%F", "/dev/null"), Is.EqualTo("character special file\n"));
        });
    }

    [Test]
    public void A_directory_is_refused_with_the_typed_exception()
    {
        WithFolder(folder =>
        {
            Assert.That(() => Domain.Save(folder), Throws.TypeOf<NotARegularFileException>());
        });
    }

    private static string Run(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, program);
        return output;
    }

    private static void WithFolder(Action<string> test)
    {
        var folder = Directory.CreateTempSubdirectory("lvn-save-");
        try
        {
            test(folder.FullName);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
