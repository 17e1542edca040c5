using System.Globalization;

namespace LibvirtNested.Tests.Fleet;

/// <summary>
/// Hosts made of test-driver node files (<c>test:///ABSOLUTE/PATH/node.xml</c>): each file gives one "host" its own
/// nodeinfo (memory, CPUs) and running domains, and each connection to it its own private driver state.
/// </summary>
internal sealed class NodeFiles : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("lvpool-nodes-").FullName;

    /// <summary>A dead host: a unix socket nobody listens on (the daemon is gone).</summary>
    public static string DeadUri => $"qemu+unix:///system?socket=/tmp/lvpool-no-daemon-{Guid.NewGuid():N}.sock";

    /// <summary>Writes a node with <paramref name="memoryMiB"/> and <paramref name="cpus"/>, running one domain per entry of <paramref name="running"/> (MiB, vCPUs).</summary>
    public string Host(string name, int memoryMiB, int cpus, params (int MemoryMiB, int Vcpus)[] running)
    {
        var domains = string.Concat(running.Select((d, i) => string.Create(CultureInfo.InvariantCulture, $"""
              <domain type='test'>
                <name>{name}-guest{i}</name>
                <memory unit='MiB'>{d.MemoryMiB}</memory>
                <vcpu>{d.Vcpus}</vcpu>
                <os><type>hvm</type></os>
              </domain>
            """)));
        var path = Path.Combine(directory, $"{name}.xml");
        File.WriteAllText(path, string.Create(CultureInfo.InvariantCulture, $"""
            <node>
              <cpu>
                <mhz>2000</mhz>
                <model>x86_64</model>
                <active>{cpus}</active>
                <nodes>1</nodes>
                <sockets>1</sockets>
                <cores>{cpus}</cores>
                <threads>1</threads>
              </cpu>
              <memory>{memoryMiB * 1024L}</memory>
            {domains}
            </node>
            """));
        return $"test://{path}";
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
