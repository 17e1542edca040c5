using System.Net;
using System.Reflection;
using System.Runtime.InteropServices;
using LibvirtNested.Interop;
using LibvirtNested.Xml.Domain;
using NUnit.Framework;

namespace LibvirtNested.Tests.Interop;

/// <summary>Issue 8, defect 7: a .NET string with U+0000 must never reach libvirt's C API cut short.</summary>
public class NulCharacterTests : TestDriverFixture
{
    private static readonly Type[] ClientTypes =
        [typeof(LibvirtConnection), typeof(LibvirtDomain), typeof(LibvirtNetwork), typeof(LibvirtStoragePool), typeof(LibvirtStorageVolume), typeof(LibvirtObject), typeof(ResilientLibvirtConnection)];

    [Test]
    public void GetDomain_with_a_nul_refuses_instead_of_finding_the_prefix()
    {
        // Before: "test\0x" reached virDomainLookupByName as "test" and returned the test driver's domain "test".
        Assert.That(() => Connection.GetDomain("test\0x").Dispose(), Throws.TypeOf<ArgumentException>().With.Message.Contain("NUL"));
        Assert.That(() => LibvirtConnection.Open("test:///default\0ignored").Dispose(), Throws.TypeOf<ArgumentException>());
    }

    [Test]
    public void Every_libvirt_import_taking_a_string_marshals_it_through_the_checked_marshaller()
    {
        var imports = typeof(Libvirt).GetMethods(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)
            .Select(m => (Method: m, Import: m.GetCustomAttribute<LibraryImportAttribute>()))
            .Where(m => m.Import is not null && m.Method.GetParameters().Any(p => p.ParameterType == typeof(string)))
            .ToList();

        Assert.That(imports, Has.Count.GreaterThanOrEqualTo(15), "the imports were found");
        Assert.That(
            imports.Where(m => m.Import!.StringMarshalling != StringMarshalling.Custom || m.Import.StringMarshallingCustomType != typeof(CheckedUtf8StringMarshaller))
                .Select(m => m.Method.Name),
            Is.Empty);
    }

    [Test]
    public void Every_public_client_method_refuses_a_nul_in_each_string_argument()
    {
        using var defined = TestDriver.Define(Connection, "nul");
        var networkName = TestDriver.UniqueName("nulnet");
        using var network = Connection.DefineNetwork(TestDriver.NetworkXmlText(networkName, "virbr" + networkName[^4..], "192.168.213"));
        using var pool = Connection.GetStoragePool("default-pool");
        using var resilient = ResilientLibvirtConnection.Open(TestDriver.Uri);
        var instances = new Dictionary<Type, object>
        {
            [typeof(LibvirtConnection)] = Connection,
            [typeof(LibvirtDomain)] = defined.Domain,
            [typeof(LibvirtNetwork)] = network,
            [typeof(LibvirtStoragePool)] = pool,
            [typeof(ResilientLibvirtConnection)] = resilient,
        };

        var cases = 0;
        var escaped = new List<string>();
        foreach (var method in PublicStringMethods())
        {
            var parameters = method.GetParameters();
            foreach (var target in parameters.Where(p => p.ParameterType == typeof(string)))
            {
                foreach (var bad in new[] { "\0", "a\0", "\0b", "test\0x", "é\0" + new string('x', 400) })
                {
                    cases++;
                    var arguments = parameters.Select(p => p == target ? bad : Valid(p)).ToArray();
                    var instance = method.IsStatic ? null : instances[method.DeclaringType!];
                    try
                    {
                        var result = method.Invoke(instance, arguments);
                        (result as IDisposable)?.Dispose();
                        escaped.Add($"{method.DeclaringType!.Name}.{method.Name}({target.Name} = {Printable(bad)}) returned");
                    }
                    catch (TargetInvocationException e) when (e.InnerException is { } inner && inner.GetType() != typeof(ArgumentException))
                    {
                        escaped.Add($"{method.DeclaringType!.Name}.{method.Name}({target.Name} = {Printable(bad)}) threw {inner.GetType().Name}: {inner.Message}");
                    }
                    catch (TargetInvocationException)
                    {
                        // ArgumentException: refused before libvirt saw it.
                    }
                }
            }
        }

        TestContext.Out.WriteLine($"{cases} (method, argument, value) cases");
        Assert.That(cases, Is.GreaterThanOrEqualTo(100), "the public surface was enumerated");
        Assert.That(escaped, Is.Empty);
        Assert.That(Connection.TryGetDomain("test", out var test), Is.True, "the prefix domain is still there, untouched");
        test!.Dispose();
    }

    [Test]
    public void A_long_non_ascii_string_crosses_intact_through_the_heap_path()
    {
        // 150 two-byte characters: more than the 256-byte stack buffer, so the marshaller allocates.
        var name = new string('ü', 150) + Guid.NewGuid().ToString("N");
        using var domain = Connection.DefineDomain(TestDriver.Domain(name));
        try
        {
            using var found = Connection.GetDomain(name);

            Assert.That(found.Name, Is.EqualTo(name));
        }
        finally
        {
            domain.Undefine();
        }
    }

    [Test]
    public void A_credential_answer_with_a_nul_is_refused_like_any_other_string()
    {
        Assert.That(
            () => LibvirtConnection.OpenAuthenticated("test:///default", "user", "pass\0word").Dispose(),
            Throws.TypeOf<ArgumentException>());
    }

    private static IEnumerable<MethodInfo> PublicStringMethods() =>
        ClientTypes.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName && !m.IsAbstract && m.GetParameters().Any(p => p.ParameterType == typeof(string)))
            .Where(m => m.DeclaringType != typeof(object));

    private static object? Valid(ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        if (type.IsByRef)
        {
            return null;
        }

        if (parameter.HasDefaultValue)
        {
            return parameter.DefaultValue;
        }

        return type switch
        {
            _ when type == typeof(string) => "x",
            _ when type == typeof(IPAddress) => IPAddress.Parse("192.168.213.50"),
            _ when type == typeof(long) => 1L,
            _ when type == typeof(Action<DomainXml>) => new Action<DomainXml>(_ => { }),
            _ when type == typeof(LibvirtCredentialCallback) => new LibvirtCredentialCallback(_ => true),
            _ when type == typeof(Action<LibvirtEvent>) => new Action<LibvirtEvent>(_ => { }),
            _ when type == typeof(DomainEventKinds) => DomainEventKinds.All,
            _ when type == typeof(LibvirtConnectionOptions) => new LibvirtConnectionOptions(),
            _ when type.IsValueType => Activator.CreateInstance(type),
            _ => throw new InvalidOperationException($"No valid value for {type} ({parameter.Member.Name}): add one here."),
        };
    }

    private static string Printable(string value) => value.Replace("\0", "\\0", StringComparison.Ordinal) is var p && p.Length > 20 ? p[..20] + "…" : value.Replace("\0", "\\0", StringComparison.Ordinal);
}
