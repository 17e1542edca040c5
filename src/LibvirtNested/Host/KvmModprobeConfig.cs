using LibvirtNested.Host.Internal;
using LibvirtNested.Xml;

namespace LibvirtNested.Host;

/// <summary>The KVM module options configured in <c>/etc/modprobe.d/*.conf</c> (<c>options kvm-intel …</c>,
/// <c>options kvm_intel …</c>, <c>options kvm-amd …</c>; both spellings, several files, comments, conflicting values), and the
/// one explicit call that writes the walkthrough's remedy file.</summary>
/// <remarks>modprobe reads the files in name order and hands all options of a module to the kernel in that order, so for a
/// parameter set more than once the last one read wins.</remarks>
public sealed class KvmModprobeConfig
{
    /// <summary>The directory read: <c>/etc/modprobe.d</c>.</summary>
    public const string DirectoryPath = "/etc/modprobe.d";

    /// <summary>The walkthrough's remedy file for Intel: <c>/etc/modprobe.d/kvm-intel.conf</c>.</summary>
    public const string IntelRemedyPath = "/etc/modprobe.d/kvm-intel.conf";

    /// <summary>The remedy file for AMD: <c>/etc/modprobe.d/kvm-amd.conf</c>.</summary>
    public const string AmdRemedyPath = "/etc/modprobe.d/kvm-amd.conf";

    private KvmModprobeConfig(string root, IReadOnlyList<ModprobeOption> options, IReadOnlyList<ReadinessEvidence> problems)
    {
        Root = root;
        Options = options;
        Problems = problems;
    }

    /// <summary>The root directory the files were read under (<c>/</c> for the running system).</summary>
    public string Root { get; }

    /// <summary>Every option for a KVM module (<c>kvm</c>, <c>kvm_intel</c>, <c>kvm_amd</c>, … in either spelling), in the order
    /// modprobe reads them: file name order, then line order.</summary>
    public IReadOnlyList<ModprobeOption> Options { get; }

    /// <summary>Files or the directory that could not be read, with the reason. A missing <c>/etc/modprobe.d</c> is not a problem
    /// (there is simply nothing configured).</summary>
    public IReadOnlyList<ReadinessEvidence> Problems { get; }

    /// <summary>Reads <c>/etc/modprobe.d/*.conf</c> under <paramref name="root"/>. Never throws for missing or unreadable
    /// files; they are listed in <see cref="Problems"/>. Only regular files are read: a FIFO, socket or device node there is a
    /// problem (<c>not a regular file: …</c>) and is never opened for reading, so it cannot block.</summary>
    /// <param name="root">The root directory; <c>/</c> for the running system, a fixture tree in tests.</param>
    /// <returns>The configured KVM options.</returns>
    /// <exception cref="ArgumentException"><paramref name="root"/> is null or empty.</exception>
    public static KvmModprobeConfig Read(string root = "/") => Read(new HostRoot(root), null, null);

    /// <summary>All options setting <paramref name="parameter"/> of <paramref name="module"/> (either spelling), in read order.</summary>
    /// <param name="module">A module name, e.g. <c>kvm-intel</c> or <c>kvm_intel</c>.</param>
    /// <param name="parameter">A parameter name, e.g. <c>nested</c>.</param>
    /// <returns>The options, possibly empty.</returns>
    public IReadOnlyList<ModprobeOption> Find(string module, string parameter)
    {
        var normalized = ModprobeOption.NormalizeModule(module);
        return Options.Where(o => o.NormalizedModule == normalized && o.Parameter == parameter).ToList();
    }

    /// <summary>The option that wins for <paramref name="parameter"/> of <paramref name="module"/>: the last one read.</summary>
    /// <param name="module">A module name in either spelling.</param>
    /// <param name="parameter">A parameter name.</param>
    /// <returns>The winning option, or null when the parameter is not configured.</returns>
    public ModprobeOption? GetEffective(string module, string parameter)
    {
        var all = Find(module, parameter);
        return all.Count == 0 ? null : all[^1];
    }

    /// <summary>The remedy file for a vendor: <see cref="IntelRemedyPath"/> or <see cref="AmdRemedyPath"/>.</summary>
    /// <param name="vendor">Intel or AMD.</param>
    /// <returns>The absolute path on the probed system.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="vendor"/> is neither Intel nor AMD.</exception>
    public static string RemedyPath(HostCpuVendor vendor) => Spec(vendor).Path;

    /// <summary>The lines the remedy file must contain: for Intel <c>options kvm-intel nested=1</c> and
    /// <c>options kvm-intel enable_shadow_vmcs=1</c>; for AMD <c>options kvm-amd nested=1</c>.</summary>
    /// <param name="vendor">Intel or AMD.</param>
    /// <returns>The lines, without newlines.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="vendor"/> is neither Intel nor AMD.</exception>
    public static IReadOnlyList<string> RemedyLines(HostCpuVendor vendor)
    {
        var spec = Spec(vendor);
        return spec.Settings.Select(s => $"options {spec.Module} {s}=1").ToList();
    }

    /// <summary>What must happen for a written remedy to take effect.</summary>
    /// <param name="vendor">Intel or AMD.</param>
    /// <returns>A sentence naming the module reload command, or a reboot.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="vendor"/> is neither Intel nor AMD.</exception>
    public static string ActivationText(HostCpuVendor vendor)
    {
        var module = ModprobeOption.NormalizeModule(Spec(vendor).Module);
        return $"Takes effect when {module} is next loaded: shut down every guest, then run 'modprobe -r {module} && modprobe {module}', or reboot.";
    }

    /// <summary>Computes, without writing anything, what <see cref="WriteRemedy"/> would do.</summary>
    /// <param name="vendor">Intel (<c>kvm-intel.conf</c>: <c>nested=1</c>, <c>enable_shadow_vmcs=1</c>) or AMD (<c>kvm-amd.conf</c>:
    /// <c>nested=1</c>).</param>
    /// <param name="root">The root directory; <c>/</c> for the running system.</param>
    /// <returns>The planned file text and changes; <see cref="ModprobeWriteResult.Written"/> is false.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="vendor"/> is neither Intel nor AMD.</exception>
    /// <exception cref="NotARegularFileException">The remedy file, or the final target of the links at its path, is not a
    /// regular file (a FIFO, a device node, a directory, …); it is not read.</exception>
    /// <exception cref="IOException">The existing remedy file cannot be read, or its links loop.</exception>
    /// <exception cref="UnauthorizedAccessException">The existing remedy file cannot be read.</exception>
    public static ModprobeWriteResult PlanRemedy(HostCpuVendor vendor, string root = "/") => Apply(vendor, new HostRoot(root), write: false);

    /// <summary>Writes the remedy file (<c>/etc/modprobe.d/kvm-intel.conf</c> or <c>kvm-amd.conf</c>) under <paramref name="root"/>:
    /// creates it, or merges into it keeping every other line and option (a wrong value such as <c>nested=0</c> on an existing
    /// line is changed in place), atomically (temporary file and rename), and only when something changes.</summary>
    /// <remarks>A symbolic link at the path is followed (inside <paramref name="root"/>) and its final target is replaced, keeping
    /// its permissions; the link stays. A target that is not a regular file is refused, never replaced. Bytes the merge does
    /// not change are written back as they were read: a file that is not valid UTF-8 is handled byte for byte as Latin-1
    /// (<see cref="FileTextEncoding.Latin1"/>), a UTF-8 byte order mark is kept.</remarks>
    /// <param name="vendor">Intel or AMD.</param>
    /// <param name="root">The root directory; <c>/</c> for the running system (needs root privileges).</param>
    /// <returns>What changed, which other files still override it, and how to activate it.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="vendor"/> is neither Intel nor AMD.</exception>
    /// <exception cref="NotARegularFileException">The remedy file, or the final target of the links at its path, is not a
    /// regular file; nothing is written.</exception>
    /// <exception cref="IOException">The file cannot be read or written, its links loop, or it changed while being written.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be read or written (not root?).</exception>
    public static ModprobeWriteResult WriteRemedy(HostCpuVendor vendor, string root = "/") => Apply(vendor, new HostRoot(root), write: true);

    internal static KvmModprobeConfig Read(HostRoot root, string? replacedFile, string? replacementText)
    {
        var options = new List<ModprobeOption>();
        var problems = new List<ReadinessEvidence>();
        var names = root.List(DirectoryPath, out var problem, "*.conf")?.ToList();
        if (names is null)
        {
            if (problem != "missing")
            {
                problems.Add(ReadinessEvidence.Of(DirectoryPath, "(" + problem + ")"));
            }

            names = [];
        }

        if (replacedFile is not null && !names.Contains(Path.GetFileName(replacedFile)))
        {
            names.Add(Path.GetFileName(replacedFile));
            names.Sort(StringComparer.Ordinal);
        }

        foreach (var name in names)
        {
            var file = DirectoryPath + "/" + name;
            string? text;
            if (file == replacedFile)
            {
                text = replacementText;
            }
            else
            {
                var read = root.Read(file);
                text = read.Text;
                if (text is null)
                {
                    problems.Add(read.ToEvidence());
                }
            }

            if (text is not null)
            {
                options.AddRange(ModprobeFile.ParseOptions(file, text).Where(o => o.NormalizedModule.StartsWith("kvm", StringComparison.Ordinal)));
            }
        }

        return new KvmModprobeConfig(root.Root, options, problems);
    }

    private static ModprobeWriteResult Apply(HostCpuVendor vendor, HostRoot root, bool write)
    {
        var spec = Spec(vendor);
        var target = RemedyTarget.Resolve(root, spec.Path);
        string? before = null;
        var encoding = FileTextEncoding.Utf8;
        if (target.Exists)
        {
            // Read through the same non-blocking, regular-files-only reader as the probe: the kind is checked on the open
            // descriptor, so a FIFO swapped in after Resolve still cannot block or be read.
            var bytes = RegularFile.TryReadBytes(target.RealPath, out var problem);
            if (bytes is null)
            {
                throw problem is not null && problem.StartsWith(NotRegularPrefix, StringComparison.Ordinal)
                    ? RemedyTarget.Refuse(spec.Path, target.Path, problem[NotRegularPrefix.Length..])
                    : new IOException($"'{target.Path}' cannot be read: {problem}.");
            }

            before = RegularFile.Decode(bytes, out encoding);
        }

        var (after, changes) = ModprobeMerge.Merge(before, spec.Module, spec.Settings);
        var merged = Read(root, spec.Path, after);
        var overridden = new List<ModprobeOption>();
        foreach (var setting in spec.Settings)
        {
            var winner = merged.GetEffective(spec.Module, setting);
            if (winner is not null && winner.File != spec.Path && winner.BooleanValue != true)
            {
                overridden.Add(winner);
            }
        }

        var written = false;
        if (write && changes.Count > 0)
        {
            // Checked again right before the rename: what is replaced must still be the regular file (or nothing) that was read.
            var again = RemedyTarget.Resolve(root, spec.Path);
            if (again.RealPath != target.RealPath || again.Exists != target.Exists)
            {
                throw new IOException($"'{spec.Path}' changed while the remedy was being written; nothing was written.");
            }

            AtomicText.Write(target.RealPath, RegularFile.Encode(after, encoding));
            written = true;
        }

        return new ModprobeWriteResult
        {
            Path = spec.Path,
            FullPath = target.RealPath,
            Before = before,
            After = after,
            Changes = changes,
            Written = written,
            OverriddenBy = overridden,
            Activation = ActivationText(vendor),
            Encoding = encoding,
        };
    }

    private const string NotRegularPrefix = "not a regular file: ";

    private static (string Path, string Module, string[] Settings) Spec(HostCpuVendor vendor) => vendor switch
    {
        HostCpuVendor.Intel => (IntelRemedyPath, "kvm-intel", ["nested", "enable_shadow_vmcs"]),
        HostCpuVendor.Amd => (AmdRemedyPath, "kvm-amd", ["nested"]),
        _ => throw new ArgumentOutOfRangeException(nameof(vendor), vendor, "Only Intel and AMD have a nested-virtualization remedy file."),
    };
}
