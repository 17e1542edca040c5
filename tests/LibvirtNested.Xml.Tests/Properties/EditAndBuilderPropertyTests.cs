using System.Globalization;
using System.Xml.Linq;
using LibvirtNested.Testing;
using LibvirtNested.Xml.Domain;
using LibvirtNested.Xml.Network;
using LibvirtNested.Xml.Tests.Domain.Devices;
using NUnit.Framework;

namespace LibvirtNested.Xml.Tests.Properties;

/// <summary>
/// Issue 8, defect 4, as a property: for generated values (<see cref="AdversarialValues"/>) every public edit and
/// builder method either writes a document that is well-formed and valid against libvirt's RelaxNG schema, or
/// throws the typed error (<see cref="LibvirtXmlValueException"/> naming one of its parameters, or a documented
/// <see cref="ArgumentException"/> for values that fit but collide) and leaves the document unchanged. Never a
/// third outcome. Set <c>LIBVIRTNESTED_PROPERTY_CASES</c> for a longer run (cases per fixture; default 1500) and
/// <c>LIBVIRTNESTED_PROPERTY_SEED</c> to reproduce a run.
/// </summary>
[TestFixture]
public sealed class EditAndBuilderPropertyTests
{
    private static readonly Lazy<string> L1GuestText = new(() => DeviceXml.L1Guest().ToXmlString());

    private static readonly Lazy<string> BuiltGuestText = new(() => new DomainBuilder("base")
        .WithMemory(DataSize.FromGibibytes(1))
        .Build()
        .ToXmlString());

    private static int Cases => int.TryParse(Environment.GetEnvironmentVariable("LIBVIRTNESTED_PROPERTY_CASES"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1500;

    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("LIBVIRTNESTED_PROPERTY_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 20261128;

    [Test]
    public void DomainXml_edits_write_schema_valid_documents_or_throw_the_typed_error()
    {
        var run = new Run("domain");
        for (var i = 0; i < Cases; i++)
        {
            var values = new AdversarialValues(Seed + i);
            var domain = DomainXml.Parse(values.Chance(0.5) ? L1GuestText.Value : BuiltGuestText.Value);
            for (var step = values.Next(4); step >= 0; step--)
            {
                EditOnce(run, i, domain, values);
            }

            run.Output(i, domain.ToXmlString());
        }

        run.Verify();
    }

    [Test]
    public void DomainBuilder_builds_schema_valid_documents_or_throws_the_typed_error()
    {
        var run = new Run("domain");
        for (var i = 0; i < Cases; i++)
        {
            var values = new AdversarialValues(Seed + i);
            DomainBuilder? builder = null;
            run.Call(i, "DomainBuilder(name)", ["name"], () => builder = new DomainBuilder(values.Name()));
            if (builder is null)
            {
                continue;
            }

            var memory = false;
            if (values.Chance(0.9))
            {
                memory = run.Call(i, "WithMemory", ["size"], () => builder.WithMemory(values.Memory()));
            }

            for (var step = values.Next(7); step >= 0; step--)
            {
                BuildOnce(run, i, builder, values);
            }

            DomainXml? built = null;
            var ok = run.Call(i, "Build", [], () => built = builder.Build(), buildMayNeedMemory: !memory);
            if (ok)
            {
                run.Output(i, built!.ToXmlString());
            }
        }

        run.Verify();
    }

    [Test]
    public void NatNetworkBuilder_builds_schema_valid_documents_or_throws_the_typed_error()
    {
        var run = new Run("network");
        for (var i = 0; i < Cases; i++)
        {
            var values = new AdversarialValues(Seed + i);
            NatNetworkBuilder? builder = null;
            run.Call(i, "NatNetworkBuilder(name)", ["name"], () => builder = new NatNetworkBuilder(values.Name()));
            if (builder is null)
            {
                continue;
            }

            var subnet = values.Chance(0.9) && run.Call(i, "WithSubnet", ["cidr"], () => builder.WithSubnet(values.Cidr()));
            for (var step = values.Next(7); step >= 0; step--)
            {
                NetworkOnce(run, i, builder, values);
            }

            NetworkXml? built = null;
            var ok = run.Call(i, "Build", ["address", "start", "end", "ipAddress"], () => built = builder.Build(), buildMayNeedMemory: !subnet);
            if (ok)
            {
                run.Output(i, built!.ToXmlString());
            }
        }

        run.Verify();
    }

    private static void EditOnce(Run run, int i, DomainXml domain, AdversarialValues values)
    {
        var before = domain.ToXmlString();
        var ok = values.Next(7) switch
        {
            0 => run.Call(i, "AddBlockDisk", ["devicePath", "bus", "targetDev"], () => domain.AddBlockDisk(values.Path(), values.Bus(), values.TargetDev())),
            1 => run.Call(i, "AddFileDisk", ["path", "format", "bus", "targetDev"], () => domain.AddFileDisk(values.Path(), values.Format(), values.Bus(), values.TargetDev())),
            2 => run.Call(i, "AddCdrom", ["isoPath", "bus", "targetDev"], () => domain.AddCdrom(values.Path(), values.Bus(), values.TargetDev())),
            3 => run.Call(i, "AddNetworkInterface", ["networkName", "model", "macAddress"], () => domain.AddNetworkInterface(values.Name(), values.Model(), values.Chance(0.3) ? null : values.Mac())),
            4 => run.Call(i, "AddLunDisk", ["devicePath", "options.TargetDev"], () => domain.AddLunDisk(values.Path(), new LunDiskOptions
            {
                TargetDev = values.TargetDev(),
                Sgio = values.Chance(0.5) ? null : DomainDiskSgio.Filtered,
                Rawio = values.OptionalBool(),
                Shareable = values.Chance(0.3),
                ReadOnly = values.Chance(0.3),
            })),
            5 => run.Call(i, "EnsureVirtioScsiController", [], () => domain.EnsureVirtioScsiController()),
            _ => run.Call(i, "UseHostPassthrough", [], () => domain.UseHostPassthrough(values.OptionalBool())),
        };

        if (!ok && domain.ToXmlString() != before)
        {
            run.Fail(i, "a refused edit changed the document");
        }
    }

    private static void BuildOnce(Run run, int i, DomainBuilder builder, AdversarialValues values)
    {
        _ = values.Next(11) switch
        {
            0 => run.Call(i, "WithType", ["domainType"], () => builder.WithType(values.DomainType())),
            1 => run.Call(i, "WithMachine", ["architecture", "machineType"], () => builder.WithMachine(values.Arch(), values.Machine())),
            2 => run.Call(i, "WithVcpus", ["count"], () => builder.WithVcpus(values.VcpuCount())),
            3 => run.Call(i, "WithCdrom", ["isoPath", "bus"], () => builder.WithCdrom(values.Path(), values.Bus())),
            4 => run.Call(i, "WithBlockDisk", ["devicePath", "bus"], () => builder.WithBlockDisk(values.Path(), values.Bus())),
            5 => run.Call(i, "WithFileDisk", ["path", "format", "bus"], () => builder.WithFileDisk(values.Path(), values.Format(), values.Bus())),
            6 => run.Call(i, "WithNetworkInterface", ["networkName", "model", "macAddress"], () => builder.WithNetworkInterface(values.Name(), values.Model(), values.Chance(0.3) ? null : values.Mac())),
            7 => run.Call(i, "WithSerialConsole", [], () => builder.WithSerialConsole(values.Chance(0.5))),
            8 => run.Call(i, "WithHostPassthrough", [], () => builder.WithHostPassthrough(values.OptionalBool())),
            9 => run.Call(i, "WithUuid", ["value"], () => builder.WithUuid(values.Chance(0.1) ? Guid.Empty : new Guid(Bytes(values)))),
            _ => run.Call(i, "WithMemory", ["size"], () => builder.WithMemory(values.Memory())),
        };
    }

    private static void NetworkOnce(Run run, int i, NatNetworkBuilder builder, AdversarialValues values)
    {
        _ = values.Next(8) switch
        {
            0 => run.Call(i, "WithBridge", ["bridgeName"], () => builder.WithBridge(values.InterfaceName())),
            1 => run.Call(i, "WithSubnet", ["cidr"], () => builder.WithSubnet(values.Cidr())),
            2 => run.Call(i, "WithHostAddress", ["address"], () => builder.WithHostAddress(values.Ipv4())),
            3 => run.Call(i, "WithDhcpRange", ["start", "end"], () => builder.WithDhcpRange(values.Ipv4(), values.Ipv4())),
            4 => run.Call(i, "WithForwardDevice", ["device"], () => builder.WithForwardDevice(values.Chance(0.2) ? null : values.InterfaceName())),
            5 => run.Call(i, "WithDomain", ["domain"], () => builder.WithDomain(values.Chance(0.2) ? null : values.DnsName())),
            6 => run.Call(i, "WithUuid", [], () => builder.WithUuid(values.Chance(0.2) ? null : new Guid(Bytes(values)))),
            _ => run.Call(i, "AddDhcpHost", ["macAddress", "ipAddress", "hostName"], () => builder.AddDhcpHost(values.Mac(), values.IpAddress(), values.Chance(0.3) ? null : values.DnsName())),
        };
    }

    private static byte[] Bytes(AdversarialValues values)
    {
        var bytes = new byte[16];
        for (var b = 0; b < bytes.Length; b++)
        {
            bytes[b] = (byte)values.Next(256);
        }

        return bytes;
    }

    /// <summary>One property run: classifies every call's outcome, collects the documents, validates them in batches.</summary>
    private sealed class Run(string schema)
    {
        private readonly List<string> failures = [];
        private readonly List<(string Name, string Xml)> documents = [];
        private int calls;
        private int typedErrors;

        /// <summary>Makes one call; <see langword="true"/> when it returned, <see langword="false"/> when it threw an allowed error.</summary>
        public bool Call(int i, string method, string[] parameters, Action call, bool buildMayNeedMemory = false)
        {
            calls++;
            try
            {
                call();
                return true;
            }
            catch (LibvirtXmlValueException e) when (e.ParameterName is { } p && parameters.Contains(p) && e.Datatype is not null)
            {
                typedErrors++;
                return false;
            }
            catch (ArgumentException e) when (e.GetType() == typeof(ArgumentException) && e.ParamName is { } p && parameters.Contains(p))
            {
                typedErrors++;
                return false;
            }
            catch (InvalidOperationException) when (buildMayNeedMemory && method == "Build")
            {
                typedErrors++;
                return false;
            }
            catch (Exception e)
            {
                Fail(i, $"{method} threw {e.GetType().Name}: {e.Message}");
                return false;
            }
        }

        public void Fail(int i, string what) => failures.Add($"case {i} (LIBVIRTNESTED_PROPERTY_SEED={Seed}, offset {i}): {what}");

        public void Output(int i, string xml)
        {
            try
            {
                _ = XDocument.Parse(xml);
            }
            catch (System.Xml.XmlException e)
            {
                Fail(i, $"the document is not well-formed: {e.Message}");
                return;
            }

            documents.Add(($"case {i}", xml));
        }

        public void Verify()
        {
            var invalid = RelaxNg.Validate(schema, documents);
            failures.AddRange(invalid.Select(f => $"{f.Key} is not valid against {schema}.rng: {f.Value}"));
            TestContext.Out.WriteLine($"{Cases} cases, {calls} calls, {typedErrors} typed errors, {documents.Count} documents validated against {schema}.rng, {failures.Count} failures (seed {Seed}).");
            Assert.That(failures.Take(20), Is.Empty, $"{failures.Count} third outcomes");
            Assert.That(documents, Has.Count.GreaterThan(Cases / 5), "too few documents were built for the property to mean anything");
            Assert.That(typedErrors, Is.GreaterThan(Cases / 5), "too few values were refused for the property to mean anything");
        }
    }
}
