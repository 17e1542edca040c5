namespace LibvirtNested.Host;

/// <summary>What <see cref="KvmModprobeConfig.WriteRemedy"/> did (or <see cref="KvmModprobeConfig.PlanRemedy"/> would do) to
/// the remedy file, e.g. <c>/etc/modprobe.d/kvm-intel.conf</c>.</summary>
public sealed record ModprobeWriteResult
{
    /// <summary>The file on the probed system, e.g. <c>/etc/modprobe.d/kvm-intel.conf</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The real file that was (or would be) written, under the root: the final target when the path is a symbolic link.</summary>
    public required string FullPath { get; init; }

    /// <summary>The file's text before, or null when it did not exist.</summary>
    public required string? Before { get; init; }

    /// <summary>The file's text after the merge.</summary>
    public required string After { get; init; }

    /// <summary>One line per change, e.g. <c>line 2: nested=0 → nested=1</c> or <c>added: options kvm-intel nested=1</c>;
    /// empty when the file already said everything.</summary>
    public required IReadOnlyList<string> Changes { get; init; }

    /// <summary>Whether the file was actually written (false for a plan, and when nothing changed).</summary>
    public required bool Written { get; init; }

    /// <summary>Options in other files, read after this one, that still set a different value and therefore
    /// win; this library does not touch other files.</summary>
    public required IReadOnlyList<ModprobeOption> OverriddenBy { get; init; }

    /// <summary>What must happen for the settings to take effect (module reload or reboot).</summary>
    public required string Activation { get; init; }

    /// <summary>How the existing file was decoded and how it is written back; <see cref="FileTextEncoding.Utf8"/> for a new file.
    /// <see cref="FileTextEncoding.Latin1"/> means it was not valid UTF-8 and is kept byte for byte.</summary>
    public FileTextEncoding Encoding { get; init; }

    /// <summary>Whether the file did not exist before.</summary>
    public bool Created => Before is null;

    /// <summary>Whether the file's text changes (or changed).</summary>
    public bool Changed => Changes.Count > 0;

    /// <summary>Renders the result as readable lines.</summary>
    /// <returns>Human-readable text.</returns>
    public override string ToString()
    {
        var text = new System.Text.StringBuilder();
        text.Append(Path).Append(Changed ? (Written ? ": written" : ": would change") : ": already up to date");
        foreach (var change in Changes)
        {
            text.Append("\n  ").Append(change);
        }

        foreach (var option in OverriddenBy)
        {
            text.Append("\n  still overridden by ").Append(option);
        }

        text.Append("\n  ").Append(Activation);
        return text.ToString();
    }
}
