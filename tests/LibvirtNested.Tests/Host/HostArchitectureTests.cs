using System.Reflection;
using System.Runtime.InteropServices;
using LibvirtNested.Host;
using LibvirtNested.Interop;
using NUnit.Framework;

namespace LibvirtNested.Tests.Host;

/// <summary>The Host layer works where libvirt is not installed: its only native dependency is Interop's C library file
/// (<see cref="Libc"/>) and its signatures mention no type of the native client.</summary>
[TestFixture]
public sealed class HostArchitectureTests
{
    private const BindingFlags Everything =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static IEnumerable<Type> HostTypes() =>
        typeof(NestedVirtualizationProbe).Assembly.GetTypes()
            .Where(t => t.Namespace is { } ns && (ns == "LibvirtNested.Host" || ns.StartsWith("LibvirtNested.Host.", StringComparison.Ordinal)));

    [Test]
    public void Host_declares_no_import_and_reaches_only_the_c_library()
    {
        static IEnumerable<string> Imports(Type type) => type.GetMethods(Everything)
            .Select(m => m.GetCustomAttribute<DllImportAttribute>())
            .OfType<DllImportAttribute>()
            .Select(a => a.Value);

        var libcImports = typeof(Libc).GetNestedTypes(Everything).Append(typeof(Libc)).SelectMany(Imports).Distinct().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(HostTypes().SelectMany(Imports), Is.Empty, "P/Invoke lives in Interop/Libc.cs, not in Host");
            Assert.That(libcImports, Is.EqualTo(new[] { Libc.LibraryName }), "the C library file imports the C library only");
            Assert.That(Libc.LibraryName, Is.EqualTo("libc.so.6"));
        });
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

            // Interop's C library file is the one native dependency Host may have (statx, open); it never loads libvirt.
            return type.Assembly == typeof(NestedVirtualizationProbe).Assembly
                && type != typeof(Libc) && type.DeclaringType != typeof(Libc)
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
