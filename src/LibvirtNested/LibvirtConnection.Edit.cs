using System.Text.RegularExpressions;
using LibvirtNested.Diagnostics;
using LibvirtNested.Interop;
using LibvirtNested.Xml;
using LibvirtNested.Xml.Domain;

namespace LibvirtNested;

/// <content>The <c>virsh edit</c> equivalent.</content>
public sealed partial class LibvirtConnection
{
    /// <summary>
    /// Edits a domain's persistent definition like <c>virsh edit</c>: reads the inactive XML (with security
    /// information, as <c>virsh edit</c> does), lets <paramref name="change"/> modify the typed model, and
    /// defines the result. With <see cref="EditOptions.DryRun"/> nothing is defined and the result holds the diff.
    /// </summary>
    /// <remarks>
    /// <para>Concurrent edits: edits of the same domain are serialised inside this process, whichever connection
    /// and domain objects are used (keyed by the connection's URI and host and the domain's UUID), so parallel
    /// edits all take effect. A writer outside this process (another program, <c>virsh</c>) is detected by reading
    /// the definition again right before defining: when it changed since this edit read it, the edit starts over
    /// from the new definition, up to <see cref="EditOptions.MaxAttempts"/> times, then throws
    /// <see cref="LibvirtEditConflictException"/>. <b><paramref name="change"/> can therefore run more than once</b>;
    /// it must only change the document it is given. A writer that lands between that check and the define
    /// (microseconds) is not detected: libvirt has no compare-and-swap define.</para>
    /// <para>Failures: libvirt parses and validates before it replaces a definition, so a rejected define changes
    /// nothing and the exception carries libvirt's reason. For a driver that fails half-way, the definition is
    /// restored only when it is now exactly what this edit defined, never when it is another writer's; when
    /// that restore fails too, the exception is still libvirt's original one, with the restore failure as its
    /// <see cref="Exception.InnerException"/>.</para>
    /// <para>The change delegate must not edit the same domain itself (that throws <see cref="InvalidOperationException"/>
    /// instead of waiting for itself forever).</para>
    /// </remarks>
    /// <param name="name">The domain's name.</param>
    /// <param name="change">Changes the definition in place; can run more than once. It must not change the name or UUID.</param>
    /// <param name="options">Dry run, validation (on by default), diff redaction and attempts.</param>
    /// <returns>Whether anything changed, the diff, and the resulting definition.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character.</exception>
    /// <exception cref="LibvirtNotFoundException">No domain has that name.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="change"/> renamed the domain or changed its UUID, or edited the same domain itself.</exception>
    /// <exception cref="LibvirtEditConflictException">Another process changed the definition during every attempt.</exception>
    /// <exception cref="LibvirtException">libvirt rejected the edited definition (e.g. <see cref="LibvirtInvalidXmlException"/>, <see cref="LibvirtSchemaValidationException"/>, <see cref="LibvirtUnsupportedConfigurationException"/>); the definition is unchanged.</exception>
    public EditResult EditDomain(string name, Action<DomainXml> change, EditOptions? options = null)
    {
        using var domain = GetDomain(name);
        return EditDomain(domain, change, options);
    }

    /// <summary>Edits a domain's persistent definition like <c>virsh edit</c>; see <see cref="EditDomain(string, Action{DomainXml}, EditOptions?)"/>.</summary>
    /// <param name="domain">The domain.</param>
    /// <param name="change">Changes the definition in place; can run more than once. It must not change the name or UUID.</param>
    /// <param name="options">Dry run, validation (on by default), diff redaction and attempts.</param>
    /// <returns>Whether anything changed, the diff, and the resulting definition.</returns>
    /// <exception cref="InvalidOperationException"><paramref name="change"/> renamed the domain or changed its UUID, or edited the same domain itself.</exception>
    /// <exception cref="LibvirtEditConflictException">Another process changed the definition during every attempt.</exception>
    /// <exception cref="LibvirtException">libvirt rejected the edited definition; the definition is unchanged.</exception>
    public EditResult EditDomain(LibvirtDomain domain, Action<DomainXml> change, EditOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(change);
        options ??= new EditOptions();

        using var held = DomainEditLock.Acquire(EditLockKey(domain));
        for (var attempt = 1; ; attempt++)
        {
            var before = ReadForEdit(domain);
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
            var changed = !string.Equals(before, after, StringComparison.Ordinal);
            var diff = changed ? Diff(before, after, originalName, options.IncludeSecretsInDiff) : string.Empty;
            if (!changed || options.DryRun)
            {
                return new EditResult { Changed = changed, Applied = false, Diff = diff, Xml = edited, Attempts = attempt };
            }

            if (!string.Equals(ReadForEdit(domain), before, StringComparison.Ordinal))
            {
                if (attempt >= options.MaxAttempts)
                {
                    LibvirtLog.EditConflictGaveUp(Logger, originalName ?? domain.Name, attempt);
                    throw new LibvirtEditConflictException(originalName ?? domain.Name, attempt);
                }

                LibvirtLog.EditConflictRetry(Logger, originalName ?? domain.Name, attempt, options.MaxAttempts);
                continue;
            }

            var flags = options.Validate ? DomainDefineOptions.Validate : DomainDefineOptions.None;
            try
            {
                using var redefined = DefineDomain(after, flags);
                var applied = redefined.GetInactiveXml(DomainXmlOptions.Secure);
                return new EditResult { Changed = true, Applied = true, Diff = diff, Xml = applied, Attempts = attempt };
            }
            catch (LibvirtException rejected)
            {
                var restoreFailure = RestoreIfOwn(domain, before, after);
                if (restoreFailure is not null)
                {
                    throw LibvirtError.WithInner(rejected, restoreFailure);
                }

                throw;
            }
        }
    }

    /// <summary>The unified diff, with password attribute values replaced by <c>***</c> unless asked otherwise.</summary>
    internal static string Diff(string before, string after, string? name, bool includeSecrets)
    {
        var diff = XmlTextDiff.Unified(before, after, $"{name}.xml (defined)", $"{name}.xml (edited)");
        return includeSecrets ? diff : Redact(diff);
    }

    /// <summary>
    /// Replaces the values of the attributes that hold secrets in libvirt XML: <c>passwd</c> (VNC, SPICE, RDP
    /// <c>&lt;graphics&gt;</c>), <c>password</c> and <c>passphrase</c>; the quote characters stay, so a changed
    /// password still shows as a changed line.
    /// </summary>
    internal static string Redact(string text) => SecretAttribute().Replace(text, "${name}=${quote}***${quote}");

    [GeneratedRegex("""\b(?<name>passwd|password|passphrase)\s*=\s*(?<quote>['"])(?:(?!\k<quote>).)*\k<quote>""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SecretAttribute();

    private static string ReadForEdit(LibvirtDomain domain) => domain.GetInactiveXmlString(DomainXmlOptions.Secure);

    /// <summary>
    /// After a failed define: restores <paramref name="before"/> only when the definition is now exactly what
    /// this edit defined (a driver that failed half-way), never another writer's definition. Returns the
    /// restore's own failure instead of throwing it, so that the caller keeps libvirt's original reason.
    /// </summary>
    private LibvirtException? RestoreIfOwn(LibvirtDomain domain, string before, string after)
    {
        try
        {
            if (string.Equals(ReadForEdit(domain), after, StringComparison.Ordinal))
            {
                using var restored = DefineDomain(before, DomainDefineOptions.None);
            }

            return null;
        }
        catch (LibvirtException e)
        {
            return e;
        }
    }

    private string EditLockKey(LibvirtDomain domain) => $"{Identity}|{domain.Uuid:D}";
}
