using LibvirtNested.Interop;
using LibvirtNested.Xml.Domain;

namespace LibvirtNested;

/// <content>Domains.</content>
public sealed partial class LibvirtConnection
{
    /// <summary>
    /// Defines (or redefines) a persistent domain (<c>virDomainDefineXMLFlags</c>, <c>virsh define</c>), validating it
    /// against libvirt's RelaxNG schema first unless <paramref name="options"/> says <see cref="DomainDefineOptions.None"/>.
    /// </summary>
    /// <param name="domain">The definition.</param>
    /// <param name="options"><see cref="DomainDefineOptions.Validate"/> (the default, like <see cref="EditOptions.Validate"/>) or <see cref="DomainDefineOptions.None"/>.</param>
    /// <returns>The defined domain.</returns>
    /// <exception cref="ArgumentException">The text contains a NUL character.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="options"/> holds an unknown flag.</exception>
    /// <exception cref="LibvirtInvalidXmlException">libvirt cannot parse the definition (codes 27/35).</exception>
    /// <exception cref="LibvirtSchemaValidationException">The definition fails the schema (with <see cref="DomainDefineOptions.Validate"/>).</exception>
    /// <exception cref="LibvirtUnsupportedConfigurationException">The driver does not support the configuration.</exception>
    /// <exception cref="LibvirtAlreadyExistsException">Another domain has the name or UUID.</exception>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public LibvirtDomain DefineDomain(DomainXml domain, DomainDefineOptions options = DomainDefineOptions.Validate)
    {
        ArgumentNullException.ThrowIfNull(domain);
        return DefineDomain(domain.ToXmlString(), options);
    }

    /// <summary>Defines (or redefines) a persistent domain from XML text (<c>virDomainDefineXMLFlags</c>), validating it by default.</summary>
    /// <param name="xml">A <c>&lt;domain&gt;</c> document.</param>
    /// <param name="options"><see cref="DomainDefineOptions.Validate"/> (the default) or <see cref="DomainDefineOptions.None"/>.</param>
    /// <returns>The defined domain.</returns>
    /// <exception cref="ArgumentException"><paramref name="xml"/> contains a NUL character.</exception>
    /// <exception cref="LibvirtException">libvirt refused; see <see cref="DefineDomain(DomainXml, DomainDefineOptions)"/>.</exception>
    public LibvirtDomain DefineDomain(string xml, DomainDefineOptions options = DomainDefineOptions.Validate)
    {
        ArgumentNullException.ThrowIfNull(xml);
        return new(this, LibvirtCall.Begin(nameof(Libvirt.virDomainDefineXMLFlags)).Check(Libvirt.virDomainDefineXMLFlags(Handle, xml, LibvirtFlags.DomainDefine(options))));
    }

    /// <summary>Looks up a domain by name (<c>virDomainLookupByName</c>).</summary>
    /// <param name="name">The name.</param>
    /// <returns>The domain.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character.</exception>
    /// <exception cref="LibvirtNotFoundException">No domain has that name.</exception>
    public LibvirtDomain GetDomain(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new(this, LibvirtCall.Begin(nameof(Libvirt.virDomainLookupByName)).Check(Libvirt.virDomainLookupByName(Handle, name)));
    }

    /// <summary>Looks up a domain by UUID (<c>virDomainLookupByUUIDString</c>).</summary>
    /// <param name="uuid">The UUID.</param>
    /// <returns>The domain.</returns>
    /// <exception cref="LibvirtNotFoundException">No domain has that UUID.</exception>
    public LibvirtDomain GetDomain(Guid uuid) =>
        new(this, LibvirtCall.Begin(nameof(Libvirt.virDomainLookupByUUIDString)).Check(Libvirt.virDomainLookupByUUIDString(Handle, uuid.ToString("D"))));

    /// <summary>Looks up a domain by name, returning false instead of throwing when there is none.</summary>
    /// <param name="name">The name.</param>
    /// <param name="domain">The domain, when found.</param>
    /// <returns>Whether the domain exists.</returns>
    /// <exception cref="LibvirtException">libvirt failed for another reason than a missing domain.</exception>
    public bool TryGetDomain(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out LibvirtDomain? domain)
    {
        try
        {
            domain = GetDomain(name);
            return true;
        }
        catch (LibvirtNotFoundException)
        {
            domain = null;
            return false;
        }
    }

    /// <summary>Looks up a domain by UUID, returning false instead of throwing when there is none.</summary>
    /// <param name="uuid">The UUID.</param>
    /// <param name="domain">The domain, when found.</param>
    /// <returns>Whether the domain exists.</returns>
    /// <exception cref="LibvirtException">libvirt failed for another reason than a missing domain.</exception>
    public bool TryGetDomain(Guid uuid, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out LibvirtDomain? domain)
    {
        try
        {
            domain = GetDomain(uuid);
            return true;
        }
        catch (LibvirtNotFoundException)
        {
            domain = null;
            return false;
        }
    }

    /// <summary>Lists domains (<c>virConnectListAllDomains</c>). Dispose the returned objects.</summary>
    /// <param name="filter">All, running, or defined-but-stopped domains.</param>
    /// <returns>The domains.</returns>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public IReadOnlyList<LibvirtDomain> ListDomains(LibvirtListFilter filter = LibvirtListFilter.All)
    {
        return Array.ConvertAll(LibvirtProxy.ListAllDomains(Handle, LibvirtFlags.ListDomains(filter)), handle => new LibvirtDomain(this, handle));
    }
}
