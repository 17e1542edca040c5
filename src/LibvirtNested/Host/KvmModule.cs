namespace LibvirtNested.Host;

/// <summary>A loaded KVM kernel module as seen in <c>/sys/module/&lt;name&gt;</c>, with the parameters it exposes in
/// <c>/sys/module/&lt;name&gt;/parameters/*</c>.</summary>
public sealed record KvmModule
{
    /// <summary>The module name with underscores, e.g. <c>kvm_intel</c>, <c>kvm_amd</c>, <c>kvm_pvm</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Parameter name to trimmed value, for every parameter file that could be read.</summary>
    public required IReadOnlyDictionary<string, string> Parameters { get; init; }

    /// <summary>The Intel VT-x module.</summary>
    public const string IntelName = "kvm_intel";

    /// <summary>The AMD-V module.</summary>
    public const string AmdName = "kvm_amd";

    /// <summary>The directory this module was read from, on the probed system: <c>/sys/module/&lt;name&gt;</c>.</summary>
    public string Path => "/sys/module/" + Name;

    /// <summary>Whether this is a hardware-extension module (<c>kvm_intel</c> or <c>kvm_amd</c>), the only kind with a
    /// <c>nested</c> parameter.</summary>
    public bool IsHardwareModule => Name is IntelName or AmdName;

    /// <summary>A parameter's raw value from <c>/sys/module/&lt;name&gt;/parameters/&lt;parameter&gt;</c>, or null when the file
    /// is missing or unreadable.</summary>
    /// <returns>The trimmed value, e.g. <c>Y</c>, <c>1</c>.</returns>
    public string? GetParameter(string parameter) => Parameters.TryGetValue(parameter, out var value) ? value : null;
}
