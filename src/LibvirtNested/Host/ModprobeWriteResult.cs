namespace LibvirtNested.Host;

/// <summary>What <see cref="KvmModprobeConfig.WriteRemedy"/> did (or <see cref="KvmModprobeConfig.PlanRemedy"/> would do) to
/// the remedy file, e.g. <c>/etc/modprobe.d/kvm-intel.conf</c>.</summary>
/// <param name="Path">The file on the probed system, e.g. <c>/etc/modprobe.d/kvm-intel.conf</c>.</param>
/// <param name="FullPath">The real file that was (or would be) written, under the root.</param>
/// <param name="Before">The file's text before, or null when it did not exist.</param>
/// <param name="After">The file's text after the merge.</param>
/// <param name="Changes">One line per change, e.g. <c>line 2: nested=0 → nested=1</c> or <c>added: options kvm-intel nested=1</c>;
/// empty when the file already said everything.</param>
/// <param name="Written">Whether the file was actually written (false for a plan, and when nothing changed).</param>
/// <param name="OverriddenBy">Options in other files, read after this one, that still set a different value and therefore
/// win; this library does not touch other files.</param>
/// <param name="Activation">What must happen for the settings to take effect (module reload or reboot).</param>
public sealed record ModprobeWriteResult(
    string Path,
    string FullPath,
    string? Before,
    string After,
    IReadOnlyList<string> Changes,
    bool Written,
    IReadOnlyList<ModprobeOption> OverriddenBy,
    string Activation)
{
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
