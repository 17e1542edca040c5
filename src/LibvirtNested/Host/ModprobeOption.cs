namespace LibvirtNested.Host;

/// <summary>One <c>name=value</c> of an <c>options &lt;module&gt; …</c> line in <c>/etc/modprobe.d/*.conf</c>.</summary>
public sealed record ModprobeOption
{
    /// <summary>The file on the probed system, e.g. <c>/etc/modprobe.d/kvm-intel.conf</c>.</summary>
    public required string File { get; init; }

    /// <summary>The 1-based line the option starts on.</summary>
    public required int LineNumber { get; init; }

    /// <summary>The module name as written (<c>kvm-intel</c> and <c>kvm_intel</c> are the same module).</summary>
    public required string Module { get; init; }

    /// <summary>The parameter name, e.g. <c>nested</c>.</summary>
    public required string Parameter { get; init; }

    /// <summary>The value as written; null for a bare <c>name</c> (which sets a boolean parameter to true).</summary>
    public required string? Value { get; init; }

    /// <summary>The whole logical line, trimmed.</summary>
    public required string Line { get; init; }

    /// <summary>The module name with dashes turned into underscores, as the kernel and modprobe compare them.</summary>
    public string NormalizedModule => NormalizeModule(Module);

    /// <summary>The value read as a boolean (<c>1</c>/<c>Y</c>/<c>on</c>… or <c>0</c>/<c>N</c>/<c>off</c>…); a bare name is
    /// true; null for anything else (e.g. <c>maybe</c>).</summary>
    public bool? BooleanValue => Value is null ? true : Internal.KernelValue.ParseBoolean(Value, out _);

    /// <summary>Dashes to underscores: <c>kvm-intel</c> → <c>kvm_intel</c>.</summary>
    /// <returns>The underscore spelling.</returns>
    public static string NormalizeModule(string module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return module.Replace('-', '_');
    }

    /// <summary>Renders the option as <c>file:line: text</c>.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => $"{File}:{LineNumber}: {Line}";
}
