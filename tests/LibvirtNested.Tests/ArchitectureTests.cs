using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.InteropServices;
using LibvirtNested.Testing;
using LibvirtNested.Xml;
using NUnit.Framework;

namespace LibvirtNested.Tests;

public class ArchitectureTests
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
    private static readonly Assembly Client = typeof(LibvirtConnection).Assembly;
    private static readonly Assembly Xml = typeof(LibvirtXmlDocument).Assembly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    [Test]
    public void No_public_type_lives_in_the_interop_namespace()
    {
        var exposed = Client.GetTypes()
            .Where(t => t.Namespace?.StartsWith("LibvirtNested.Interop", StringComparison.Ordinal) == true)
            .Where(t => t.IsVisible)
            .Select(t => t.FullName);

        Assert.That(exposed, Is.Empty);
        Assert.That(Client.GetTypes().Count(t => t.Namespace == "LibvirtNested.Interop"), Is.GreaterThan(5), "the interop layer exists");
    }

    [Test]
    public void No_public_member_exposes_native_pointers_or_handles()
    {
        var offenders = new List<string>();
        foreach (var type in Client.GetExportedTypes().Concat(Xml.GetExportedTypes()))
        {
            // A delegate's compiler-generated constructor takes (object, IntPtr); only its Invoke signature is API.
            var isDelegate = typeof(Delegate).IsAssignableFrom(type);
            foreach (var member in type.GetMembers(Declared).Where(IsVisible).Where(m => !isDelegate || m.Name == "Invoke"))
            {
                foreach (var exposed in SignatureTypes(member).Where(IsNative))
                {
                    offenders.Add($"{type.FullName}.{member.Name}: {exposed}");
                }
            }

            if (type.BaseType is { } baseType && IsNative(baseType))
            {
                offenders.Add($"{type.FullName} derives from {baseType}");
            }
        }

        Assert.That(offenders, Is.Empty);
    }

    [Test]
    public void Above_interop_no_code_holds_a_raw_pointer()
    {
        var offenders = new List<string>();
        var aboveInterop = Client.GetTypes().Where(t => t.Namespace is "LibvirtNested" or "LibvirtNested.Internal" || IsHost(t));
        foreach (var type in aboveInterop)
        {
            // A delegate's compiler-generated constructor takes (object, IntPtr); only its Invoke is code.
            var isDelegate = typeof(Delegate).IsAssignableFrom(type);
            foreach (var member in type.GetMembers(Declared).Where(m => !isDelegate || m.Name == "Invoke"))
            {
                offenders.AddRange(SignatureTypes(member).Where(IsRaw).Select(t => $"{type}.{member.Name} signature: {t}"));
                if (member is MethodBase method)
                {
                    offenders.AddRange((method.GetMethodBody()?.LocalVariables ?? []).Select(l => l.LocalType).SelectMany(Expand).Where(IsRaw)
                        .Select(t => $"{type}.{method.Name} local: {t}"));
                    offenders.AddRange(ReferencedMembers(method).OfType<MethodInfo>().Where(m => SignatureTypes(m).Any(IsRaw))
                        .Select(m => $"{type}.{method.Name} calls {m.DeclaringType}.{m.Name}"));
                }
            }
        }

        Assert.That(offenders, Is.Empty);
    }

    [Test]
    public void Public_client_classes_hold_no_raw_libvirt_flag_values()
    {
        // Flags are translated in Interop/LibvirtFlags.cs, the one place that knows libvirt's numbering.
        var folder = Path.Combine(RepositoryPaths.Root, "src", "LibvirtNested");
        var offenders = Directory.GetFiles(folder, "*.cs")
            .SelectMany(file => File.ReadAllLines(file).Select((line, index) => (File: Path.GetFileName(file), Line: index + 1, Text: line)))
            .Where(l => !l.Text.TrimStart().StartsWith("///", StringComparison.Ordinal))
            .Where(l => l.Text.Contains("Libvirt.VIR_", StringComparison.Ordinal) || l.Text.Contains("(uint)", StringComparison.Ordinal)
                || System.Text.RegularExpressions.Regex.IsMatch(l.Text, @"Libvirt\.vir\w+\([^)]*,\s*\d+\)"))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.That(Directory.GetFiles(folder, "*.cs"), Has.Length.GreaterThan(20), "the sources were found");
        Assert.That(offenders, Is.Empty);
    }

    [Test]
    public void Every_public_type_that_owns_a_libvirt_object_derives_from_LibvirtObject()
    {
        // A public type with a SafeHandle field of its own would bypass the guarded access and disposal of the base.
        var offenders = Client.GetExportedTypes()
            .Where(t => t.GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.DeclaredOnly).Any(f => typeof(SafeHandle).IsAssignableFrom(f.FieldType)))
            .Where(t => t != typeof(LibvirtObject) && t != typeof(LibvirtConnection))
            .Select(t => t.FullName);

        Assert.That(offenders, Is.Empty);
        Assert.That(Client.GetExportedTypes().Count(t => t.IsSubclassOf(typeof(LibvirtObject))), Is.EqualTo(4));
    }

    [Test]
    public void The_xml_model_references_only_the_base_class_library()
    {
        var references = Xml.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.That(references, Has.All.Matches<string>(n => n!.StartsWith("System", StringComparison.Ordinal) || n is "netstandard" or "mscorlib"));
        Assert.That(references, Has.None.StartsWith("LibvirtNested"));
        var nativeMethods = Xml.GetTypes().SelectMany(t => t.GetMethods(Declared))
            .Where(m => m.Attributes.HasFlag(MethodAttributes.PinvokeImpl) || m.GetCustomAttribute<LibraryImportAttribute>() is not null)
            .Select(m => $"{m.DeclaringType}.{m.Name}");
        Assert.That(nativeMethods, Is.Empty);
    }

    [Test]
    public void Host_types_reference_no_libvirt_interop_only_the_c_library_file()
    {
        var hostTypes = Client.GetTypes().Where(IsHost).ToList();
        Assert.That(hostTypes, Is.Not.Empty, "the Host layer exists");

        var offenders = new List<string>();
        foreach (var type in hostTypes)
        {
            if (type.BaseType is { } baseType && IsLibvirtInterop(baseType))
            {
                offenders.Add($"{type} derives from {baseType}");
            }

            foreach (var member in type.GetMembers(Declared))
            {
                offenders.AddRange(SignatureTypes(member).Where(IsLibvirtInterop).Select(t => $"{type}.{member.Name} signature: {t}"));
                if (member is MethodBase method)
                {
                    offenders.AddRange(ReferencedMembers(method).Where(r => IsLibvirtInterop(r.DeclaringType ?? typeof(object)) || (r is Type t && IsLibvirtInterop(t)))
                        .Select(r => $"{type}.{method.Name} body: {r.DeclaringType}.{r.Name}"));
                    offenders.AddRange((method.GetMethodBody()?.LocalVariables ?? []).Select(l => l.LocalType).Where(IsLibvirtInterop)
                        .Select(t => $"{type}.{method.Name} local: {t}"));
                }
            }
        }

        Assert.That(offenders, Is.Empty);
    }

    [Test]
    public void The_c_library_file_never_reaches_libvirt()
    {
        var libc = Client.GetTypes().Where(IsLibc).ToList();
        var offenders = new List<string>();
        foreach (var method in libc.SelectMany(t => t.GetMethods(Declared).Cast<MethodBase>().Concat(t.GetConstructors(Declared))))
        {
            offenders.AddRange(ReferencedMembers(method).Where(r => IsLibvirtInterop(r.DeclaringType ?? typeof(object)) || (r is Type t && IsLibvirtInterop(t)))
                .Select(r => $"{method.DeclaringType}.{method.Name} body: {r.DeclaringType}.{r.Name}"));
            if (method.GetCustomAttribute<DllImportAttribute>() is { } import && import.Value != "libc.so.6")
            {
                offenders.Add($"{method.DeclaringType}.{method.Name} imports {import.Value}");
            }
        }

        Assert.That(libc, Is.Not.Empty, "Interop/Libc.cs exists");
        Assert.That(offenders, Is.Empty);
    }

    /// <summary>Every namespace of both assemblies falls under one of the rules above; a new namespace fails here until it is
    /// given a layer (and so a rule).</summary>
    [Test]
    public void Every_namespace_belongs_to_a_layer_with_rules()
    {
        static bool Generated(Type type) =>
            type.GetCustomAttribute<System.Runtime.CompilerServices.CompilerGeneratedAttribute>() is not null
            || type.GetCustomAttribute<System.CodeDom.Compiler.GeneratedCodeAttribute>() is not null
            || type.DeclaringType is { } outer && Generated(outer);

        var unclassified = Client.GetTypes()
            .Where(t => !(t.Namespace is "LibvirtNested" or "LibvirtNested.Internal" || IsInterop(t) || IsHost(t) || IsDiagnostics(t) || IsFleet(t)))
            .Concat(Xml.GetTypes().Where(t => t.Namespace?.StartsWith("LibvirtNested.Xml", StringComparison.Ordinal) != true))
            .Where(t => t.Namespace is not null && !Generated(t))
            .Select(t => $"{t.Assembly.GetName().Name}: {t.FullName}")
            .ToList();

        Assert.That(unclassified, Is.Empty);
    }

    [Test]
    public void Diagnostics_types_are_internal_and_never_call_libvirt()
    {
        // Logging and metrics record what the calls did; calling libvirt themselves would reset the error a caller is
        // about to read (and a span per call would record its own calls).
        var diagnostics = Client.GetTypes().Where(IsDiagnostics).ToList();
        var offenders = diagnostics.Where(t => t.IsVisible).Select(t => $"{t} is public").ToList();
        foreach (var method in diagnostics.SelectMany(t => t.GetMethods(Declared).Cast<MethodBase>().Concat(t.GetConstructors(Declared))))
        {
            offenders.AddRange(ReferencedMembers(method).Where(r => r.DeclaringType?.Name == "Libvirt" && IsInterop(r.DeclaringType))
                .Select(r => $"{method.DeclaringType}.{method.Name} calls Libvirt.{r.Name}"));
        }

        Assert.That(diagnostics.Select(t => t.Name), Does.Contain("LibvirtDiagnostics").And.Contain("LibvirtLog"));
        Assert.That(offenders, Is.Empty);
    }

    /// <summary>The host pool is built on the public client only (connections, domains, capabilities): it never reaches interop.</summary>
    [Test]
    public void Fleet_types_use_the_public_client_and_never_reach_interop()
    {
        var fleet = Client.GetTypes().Where(IsFleet).ToList();
        var offenders = new List<string>();
        foreach (var method in fleet.SelectMany(t => t.GetMethods(Declared).Cast<MethodBase>().Concat(t.GetConstructors(Declared))))
        {
            offenders.AddRange(ReferencedMembers(method).Where(r => (r.DeclaringType is { } declaring && IsInterop(declaring)) || (r is Type t && IsInterop(t)))
                .Select(r => $"{method.DeclaringType}.{method.Name} references {r.DeclaringType}.{r.Name}"));
        }

        Assert.That(fleet.Select(t => t.Name), Does.Contain("LibvirtHostPool"));
        Assert.That(offenders, Is.Empty);
    }

    [Test]
    public void Every_checked_native_call_goes_through_LibvirtCall()
    {
        // LibvirtCall times the call for the meter and the spans; LibvirtError's own checks do not. A call checked with
        // LibvirtError directly would be missing from the metrics without anything else noticing.
        var folder = Path.Combine(RepositoryPaths.Root, "src", "LibvirtNested");
        var allowed = new[] { Path.Combine("Interop", "LibvirtError.cs"), Path.Combine("Interop", "LibvirtCall.cs") };
        var files = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        var offenders = files
            .Where(f => !allowed.Contains(Path.GetRelativePath(folder, f)))
            .SelectMany(file => File.ReadAllLines(file).Select((line, index) => (File: Path.GetRelativePath(folder, file), Line: index + 1, Text: line)))
            .Where(l => System.Text.RegularExpressions.Regex.IsMatch(l.Text, @"LibvirtError\.(Check|CheckString|ThrowLast|Create)\("))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        var timed = files.Sum(f => System.Text.RegularExpressions.Regex.Count(File.ReadAllText(f), @"LibvirtCall\.Begin\("));

        Assert.That(timed, Is.GreaterThan(60), "the checked calls were found");
        Assert.That(offenders, Is.Empty);
    }

    [Test]
    public void The_il_scanner_finds_interop_references_where_they_exist()
    {
        // Open(string) has overloads now, and delegates; OpenReadOnly calls Libvirt.EnsureInitialized itself.
        var open = typeof(LibvirtConnection).GetMethod(nameof(LibvirtConnection.OpenReadOnly), [typeof(string)])!;

        Assert.That(ReferencedMembers(open).Any(r => IsInterop(r.DeclaringType!)), Is.True, "OpenReadOnly calls Libvirt.EnsureInitialized");
    }

    private static bool IsVisible(MemberInfo member) => member switch
    {
        MethodBase m => m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly,
        FieldInfo f => f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly,
        PropertyInfo p => p.GetAccessors(nonPublic: true).Any(a => a.IsPublic || a.IsFamily || a.IsFamilyOrAssembly),
        EventInfo e => e.AddMethod is { } add && (add.IsPublic || add.IsFamily),
        Type t => t.IsNestedPublic || t.IsNestedFamily,
        _ => false,
    };

    private static IEnumerable<Type> SignatureTypes(MemberInfo member)
    {
        var direct = member switch
        {
            MethodInfo m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType),
            ConstructorInfo c => c.GetParameters().Select(p => p.ParameterType),
            PropertyInfo p => p.GetIndexParameters().Select(i => i.ParameterType).Append(p.PropertyType),
            FieldInfo f => [f.FieldType],
            EventInfo e => e.EventHandlerType is { } handler ? [handler] : [],
            _ => [],
        };
        return direct.SelectMany(Expand);
    }

    private static IEnumerable<Type> Expand(Type type)
    {
        yield return type;
        if (type.HasElementType)
        {
            foreach (var inner in Expand(type.GetElementType()!))
            {
                yield return inner;
            }
        }

        if (type.IsGenericType)
        {
            foreach (var inner in type.GetGenericArguments().SelectMany(Expand))
            {
                yield return inner;
            }
        }
    }

    private static bool IsNative(Type type) =>
        type == typeof(IntPtr) || type == typeof(UIntPtr) || type.IsPointer || type.IsFunctionPointer
        || typeof(SafeHandle).IsAssignableFrom(type) || IsInterop(type);

    private static bool IsRaw(Type type) => type == typeof(IntPtr) || type == typeof(UIntPtr) || type.IsPointer || type.IsFunctionPointer;

    private static bool IsHost(Type type) =>
        type.Namespace is "LibvirtNested.Host" || type.Namespace?.StartsWith("LibvirtNested.Host.", StringComparison.Ordinal) == true;

    /// <summary>Interop/Libc.cs: the C library imports (statx, open) that Host may use.</summary>
    private static bool IsLibc(Type type) =>
        type.FullName?.StartsWith("LibvirtNested.Interop.Libc", StringComparison.Ordinal) == true
        && (type.Name == "Libc" || type.DeclaringType?.Name == "Libc" || type.DeclaringType?.DeclaringType?.Name == "Libc");

    private static bool IsLibvirtInterop(Type type) => IsInterop(type) && !IsLibc(type);

    private static bool IsDiagnostics(Type type) => type.Namespace == "LibvirtNested.Diagnostics";

    private static bool IsFleet(Type type) => type.Namespace == "LibvirtNested.Fleet";

    private static bool IsInterop(Type type) => type.Namespace?.StartsWith("LibvirtNested.Interop", StringComparison.Ordinal) == true;

    /// <summary>Members a method body references: every call, field access, type token and <c>ldtoken</c>.</summary>
    private static IEnumerable<MemberInfo> ReferencedMembers(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var module = method.Module;
        var typeArguments = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            short value = il[position++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[position++]);
            }

            var opCode = OpCodesByValue[value];
            switch (opCode.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, position);
                    MemberInfo? resolved = null;
                    try
                    {
                        resolved = module.ResolveMember(token, typeArguments, methodArguments);
                    }
                    catch (ArgumentException)
                    {
                    }

                    if (resolved is not null)
                    {
                        yield return resolved;
                    }

                    position += 4;
                    break;
                case OperandType.InlineSwitch:
                    position += 4 + (4 * BitConverter.ToInt32(il, position));
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    position += 8;
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    position += 1;
                    break;
                case OperandType.InlineVar:
                    position += 2;
                    break;
                default:
                    position += 4;
                    break;
            }
        }
    }
}
