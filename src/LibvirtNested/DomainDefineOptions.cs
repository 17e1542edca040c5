namespace LibvirtNested;

/// <summary><c>virDomainDefineFlags</c>: how <see cref="LibvirtConnection.DefineDomain(string, DomainDefineOptions)"/> defines a domain.</summary>
[Flags]
public enum DomainDefineOptions
{
    /// <summary>No flag: libvirt parses the definition but does not check it against its RelaxNG schema.</summary>
    None = 0,

    /// <summary><c>VIR_DOMAIN_DEFINE_VALIDATE</c>: validate against libvirt's RelaxNG schema first (the default of this library, as of <c>virsh define</c>).</summary>
    Validate = 1 << 0,
}
