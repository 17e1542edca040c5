namespace LibvirtNested;

/// <summary><c>virNetworkDefineFlags</c>: how <see cref="LibvirtConnection.DefineNetwork(string, NetworkDefineOptions)"/> defines a network.</summary>
[Flags]
public enum NetworkDefineOptions
{
    /// <summary>No flag: libvirt parses the definition but does not check it against its RelaxNG schema.</summary>
    None = 0,

    /// <summary><c>VIR_NETWORK_DEFINE_VALIDATE</c>: validate against libvirt's RelaxNG schema first (the default of this library).</summary>
    Validate = 1 << 0,
}
