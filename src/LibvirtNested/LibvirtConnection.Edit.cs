using LibvirtNested.Xml;
using LibvirtNested.Xml.Domain;

namespace LibvirtNested;

/// <content>The <c>virsh edit</c> equivalent.</content>
public sealed partial class LibvirtConnection
{
    /// <summary>
    /// Edits a domain's persistent definition like <c>virsh edit</c>: reads the inactive XML (with security
    /// information, as <c>virsh edit</c> does), lets <paramref name="change"/> modify the typed model, and
    /// defines the result. libvirt's define replaces the definition atomically: when it rejects the edited XML,
    /// the definition is left as it was (this method re-reads it to make sure, and restores it otherwise)
    /// and the exception carries libvirt's reason. With <see cref="EditOptions.DryRun"/> nothing is defined and
    /// the result holds the unified diff.
    /// </summary>
    /// <param name="name">The domain's name.</param>
    /// <param name="change">Changes the definition in place. It must not change the name or UUID.</param>
    /// <param name="options">Dry run and validation; defaults validate and apply.</param>
    /// <returns>Whether anything changed, the diff, and the resulting definition.</returns>
    /// <exception cref="LibvirtNotFoundException">No domain has that name.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="change"/> renamed the domain or changed its UUID.</exception>
    /// <exception cref="LibvirtException">libvirt rejected the edited definition (e.g. <see cref="LibvirtInvalidXmlException"/>, <see cref="LibvirtSchemaValidationException"/>, <see cref="LibvirtUnsupportedConfigurationException"/>); the definition is unchanged.</exception>
    public EditResult EditDomain(string name, Action<DomainXml> change, EditOptions? options = null)
    {
        using var domain = GetDomain(name);
        return EditDomain(domain, change, options);
    }

    /// <summary>Edits a domain's persistent definition like <c>virsh edit</c>; see <see cref="EditDomain(string, Action{DomainXml}, EditOptions?)"/>.</summary>
    /// <param name="domain">The domain.</param>
    /// <param name="change">Changes the definition in place. It must not change the name or UUID.</param>
    /// <param name="options">Dry run and validation.</param>
    /// <returns>Whether anything changed, the diff, and the resulting definition.</returns>
    /// <exception cref="InvalidOperationException"><paramref name="change"/> renamed the domain or changed its UUID.</exception>
    /// <exception cref="LibvirtException">libvirt rejected the edited definition; the definition is unchanged.</exception>
    public EditResult EditDomain(LibvirtDomain domain, Action<DomainXml> change, EditOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(change);
        options ??= new EditOptions();

        var before = domain.GetXmlString(inactive: true, secure: true);
        var edited = DomainXml.Parse(before);
        var originalName = edited.Name;
        var originalUuid = edited.Uuid;
        change(edited);
        if (edited.Name != originalName || edited.Uuid != originalUuid)
        {
            throw new InvalidOperationException(
                $"The edit changed the domain's name or UUID ('{originalName}'); define a new domain or rename it instead.");
        }

        var after = edited.ToXmlString();
        var diff = XmlTextDiff.Unified(before, after, $"{originalName}.xml (defined)", $"{originalName}.xml (edited)");
        var changed = diff.Length > 0;
        if (!changed || options.DryRun)
        {
            return new EditResult(changed, Applied: false, diff, edited);
        }

        try
        {
            using var redefined = DefineDomain(after, options.Validate);
            return new EditResult(true, Applied: true, diff, redefined.GetXml(inactive: true));
        }
        catch (LibvirtException)
        {
            EnsureUnchanged(domain, before);
            throw;
        }
    }

    /// <summary>
    /// libvirt parses and validates before it replaces a definition, so a rejected define changes nothing; this
    /// re-reads the definition to hold that promise even for a driver that fails half-way.
    /// </summary>
    private void EnsureUnchanged(LibvirtDomain domain, string before)
    {
        string now;
        try
        {
            now = domain.GetXmlString(inactive: true, secure: true);
        }
        catch (LibvirtException)
        {
            return;
        }

        if (!string.Equals(now, before, StringComparison.Ordinal))
        {
            using var restored = DefineDomain(before, validate: false);
        }
    }
}
