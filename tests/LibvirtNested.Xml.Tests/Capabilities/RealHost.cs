using LibvirtNested.Testing;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Capabilities;

/// <summary>Captures from a real libvirt 9.0.0 daemon on this kind of machine: <c>../shared/corpus/real-host</c>.</summary>
internal static class RealHost
{
    public static string PathOf(string file)
    {
        var path = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "corpus", "real-host", file));
        RelaxNg.Require(File.Exists(path), $"The real-host capture {path} is missing (it lives beside the repository in shared/corpus/real-host).");
        return path;
    }
}
