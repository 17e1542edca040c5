using System.Xml.Linq;
using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml.Domain;

/// <summary>
/// <c>/domain/features</c> as a set of hypervisor features, one child element each, such as
/// <c>&lt;acpi/&gt;</c>, <c>&lt;apic/&gt;</c>, <c>&lt;vmport state='off'/&gt;</c> (formatdomain.html,
/// "Hypervisor features"). Elements with attributes or children (<c>hyperv</c>, <c>kvm</c>, <c>smm</c>) are
/// reached with <see cref="Get"/> and edited through LINQ to XML.
/// </summary>
public sealed class DomainFeatures : XmlView
{
    /// <summary><c>acpi</c>: ACPI, needed for a graceful shutdown.</summary>
    public const string Acpi = "acpi";

    /// <summary><c>apic</c>: the APIC (attribute <c>eoi</c>).</summary>
    public const string Apic = "apic";

    /// <summary><c>pae</c>: physical address extension, for 32-bit guests with more than 4 GB.</summary>
    public const string Pae = "pae";

    /// <summary><c>hap</c>: hardware assisted paging (EPT/NPT; attribute <c>state</c>).</summary>
    public const string Hap = "hap";

    /// <summary><c>viridian</c>: Hyper-V enlightenments for Windows guests (Xen).</summary>
    public const string Viridian = "viridian";

    /// <summary><c>privnet</c>: a private network namespace (LXC).</summary>
    public const string Privnet = "privnet";

    /// <summary><c>hyperv</c>: Hyper-V enlightenments, one child per enlightenment.</summary>
    public const string Hyperv = "hyperv";

    /// <summary><c>kvm</c>: KVM behaviour, with children such as <c>&lt;hidden state='on'/&gt;</c> (see <see cref="KvmHidden"/>).</summary>
    public const string Kvm = "kvm";

    /// <summary><c>xen</c>: Xen behaviour, such as <c>&lt;passthrough/&gt;</c>.</summary>
    public const string Xen = "xen";

    /// <summary><c>pvspinlock</c>: paravirtual spinlocks (attribute <c>state</c>).</summary>
    public const string Pvspinlock = "pvspinlock";

    /// <summary><c>capabilities</c>: Linux capabilities of the container (LXC).</summary>
    public const string Capabilities = "capabilities";

    /// <summary><c>pmu</c>: the performance monitoring unit (attribute <c>state</c>).</summary>
    public const string Pmu = "pmu";

    /// <summary><c>vmport</c>: VMware IO port emulation (attribute <c>state</c>).</summary>
    public const string Vmport = "vmport";

    /// <summary><c>gic</c>: the ARM generic interrupt controller (attribute <c>version</c>).</summary>
    public const string Gic = "gic";

    /// <summary><c>smm</c>: System Management Mode, needed by secure-boot UEFI (attribute <c>state</c>).</summary>
    public const string Smm = "smm";

    /// <summary><c>ioapic</c>: the I/O APIC driver (attribute <c>driver</c>: <c>kvm</c> or <c>qemu</c>).</summary>
    public const string Ioapic = "ioapic";

    /// <summary><c>hpt</c>: the hashed page table of pSeries guests.</summary>
    public const string Hpt = "hpt";

    /// <summary><c>vmcoreinfo</c>: the vmcoreinfo device for guest kernel dumps.</summary>
    public const string Vmcoreinfo = "vmcoreinfo";

    /// <summary><c>htm</c>: hardware transactional memory (pSeries).</summary>
    public const string Htm = "htm";

    /// <summary><c>nested-hv</c>: nested HV for pSeries guests (the POWER counterpart of vmx/svm).</summary>
    public const string NestedHv = "nested-hv";

    /// <summary><c>msrs</c>: how unknown model-specific registers are handled (attribute <c>unknown</c>).</summary>
    public const string Msrs = "msrs";

    /// <summary><c>ccf-assist</c>: count cache flush assist (pSeries).</summary>
    public const string CcfAssist = "ccf-assist";

    /// <summary><c>cfpc</c>: cache flush on privilege change (pSeries).</summary>
    public const string Cfpc = "cfpc";

    /// <summary><c>sbbc</c>: speculation barrier bounds checking (pSeries).</summary>
    public const string Sbbc = "sbbc";

    /// <summary><c>ibs</c>: indirect branch speculation (pSeries).</summary>
    public const string Ibs = "ibs";

    /// <summary><c>tcg</c>: settings of QEMU's emulator (TCG), such as <c>tb-cache</c>.</summary>
    public const string Tcg = "tcg";

    /// <summary><c>async-teardown</c>: tear the guest's memory down asynchronously (attribute <c>enabled</c>).</summary>
    public const string AsyncTeardown = "async-teardown";

    internal DomainFeatures(XElement element)
        : base(element)
    {
    }

    /// <summary>The names of the features present, in document order.</summary>
    public IReadOnlyList<string> Names => Element.Elements().Select(e => e.Name.LocalName).ToList();

    /// <summary>
    /// <c>/domain/features/kvm/hidden/@state</c>: hide the KVM signature from the guest (<c>on</c>/<c>off</c>).
    /// Setting a value adds <c>&lt;kvm&gt;</c> and <c>&lt;hidden&gt;</c> when needed; <see langword="null"/> removes
    /// <c>&lt;hidden&gt;</c>, and <c>&lt;kvm&gt;</c> too when nothing is left in it.
    /// </summary>
    /// <exception cref="LibvirtXmlValueException">On read: the attribute is not on/off.</exception>
    public bool? KvmHidden
    {
        get => Get(Kvm)?.Element("hidden") is { } hidden ? XmlValues.ParseBoolean(hidden, "state") : null;
        set
        {
            if (value is null)
            {
                if (Get(Kvm) is { } kvm)
                {
                    foreach (var hidden in kvm.Elements("hidden").ToList())
                    {
                        XmlTree.Remove(hidden);
                    }

                    if (!kvm.HasElements && !kvm.HasAttributes)
                    {
                        XmlTree.Remove(kvm);
                    }
                }

                return;
            }

            var kvmElement = Add(Kvm);
            var hiddenElement = kvmElement.Element("hidden") ?? XmlTree.Append(kvmElement, new XElement("hidden"));
            hiddenElement.SetAttributeValue("state", value.Value ? "on" : "off");
        }
    }

    /// <summary>Whether the feature element named <paramref name="name"/> is present.</summary>
    /// <param name="name">A feature name, such as <see cref="Acpi"/>.</param>
    /// <returns><see langword="true"/> when present.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public bool Contains(string name) => Get(name) is not null;

    /// <summary>The feature element named <paramref name="name"/>, or <see langword="null"/>.</summary>
    /// <param name="name">A feature name, such as <see cref="Smm"/>.</param>
    /// <returns>The element or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public XElement? Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return XmlNames.Child(Element, name);
    }

    /// <summary>Adds <c>&lt;name/&gt;</c> after the other features, unless it is already there.</summary>
    /// <param name="name">A feature name, such as <see cref="Acpi"/>.</param>
    /// <returns>The existing or new element.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or not an XML element name.</exception>
    public XElement Add(string name)
    {
        var checkedName = XmlNames.Checked(name, nameof(name));
        return Get(name) ?? AddChild(new XElement(checkedName));
    }

    /// <summary>Removes every feature element named <paramref name="name"/>.</summary>
    /// <param name="name">A feature name.</param>
    /// <returns>Whether one was removed.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or empty.</exception>
    public bool Remove(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var found = Element.Elements().Where(e => e.Name.Namespace == XNamespace.None
            && string.Equals(e.Name.LocalName, name, StringComparison.Ordinal)).ToList();
        foreach (var feature in found)
        {
            XmlTree.Remove(feature);
        }

        return found.Count > 0;
    }
}
