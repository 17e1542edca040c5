using System.Reflection;
using System.Runtime.InteropServices;
using LibvirtNested.Host;
using NUnit.Framework;

namespace LibvirtNested.Tests.Host;

/// <summary>The Host layer works where libvirt is not installed: it imports nothing but the C library and its signatures
/// mention no type of the native client.</summary>
[TestFixture]
public sealed class HostArchitectureTests
{
    private const BindingFlags Everything =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static IEnumerable<Type> HostTypes() =>
        typeof(NestedVirtualizationProbe).Assembly.GetTypes()
            .Where(t => t.Namespace is { } ns && (ns == "LibvirtNested.Host" || ns.StartsWith("LibvirtNested.Host.", StringComparison.Ordinal)));

    [Test]
    public void Host_imports_only_the_c_library()
    {
        var imports = HostTypes()
            .SelectMany(t => t.GetMethods(Everything))
            .Select(m => m.GetCustomAttribute<DllImportAttribute>())
            .OfType<DllImportAttribute>()
            .Select(a => a.Value)
            .Distinct()
            .ToList();

        Assert.That(imports, Is.EqualTo(new[] { "libc.so.6" }));
    }

    [Test]
    public void Host_signatures_use_no_native_client_type()
    {
        static bool IsClientType(Type type)
        {
            while (type.HasElementType)
            {
                type = type.GetElementType()!;
            }

            return type.Assembly == typeof(NestedVirtualizationProbe).Assembly
                && type.Namespace is { } ns
                && !(ns == "LibvirtNested.Host" || ns.StartsWith("LibvirtNested.Host.", StringComparison.Ordinal));
        }

        var offenders = new List<string>();
        foreach (var type in HostTypes())
        {
            if (type.BaseType is { } baseType && IsClientType(baseType))
            {
                offenders.Add($"{type}: base {baseType}");
            }

            offenders.AddRange(type.GetFields(Everything).Where(f => IsClientType(f.FieldType)).Select(f => $"{type}.{f.Name}"));
            foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
            {
                var types = method.GetParameters().Select(p => p.ParameterType);
                if (method is MethodInfo info)
                {
                    types = types.Append(info.ReturnType);
                }

                offenders.AddRange(types.Where(IsClientType).Select(t => $"{type}.{method.Name}: {t}"));
            }
        }

        Assert.That(offenders, Is.Empty);
    }
}
