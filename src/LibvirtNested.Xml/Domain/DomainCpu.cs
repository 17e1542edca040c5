using System.Xml.Linq;
using LibvirtNested.Xml.Internal;

namespace LibvirtNested.Xml.Domain;

/// <summary>
/// <c>/domain/cpu</c>: the guest CPU's mode, model, features, topology and NUMA cells (formatdomain.html,
/// "CPU model and topology"). Children the model does not cover (<c>cache</c>, <c>maxphysaddr</c>, NUMA
/// distances) stay as they are and are reachable through <see cref="XmlView.Element"/>.
/// </summary>
public sealed class DomainCpu : XmlView
{
    // Views handed out before; see ViewCache for why a cached view never outlives its element.
    private DomainCpuTopology? cachedTopology;
    private ViewList<DomainCpuFeature>? cachedFeatures;

    internal DomainCpu(XElement element)
        : base(element)
    {
    }

    /// <summary><c>@mode</c>; <see langword="null"/> when absent, which libvirt reads as <see cref="DomainCpuMode.Custom"/>.</summary>
    public DomainCpuMode? Mode
    {
        get => GetAttribute("mode") is { } value ? new DomainCpuMode(value) : null;
        set => SetAttribute("mode", value?.Value);
    }

    /// <summary><c>@match</c>; meaningful in custom mode only (libvirt ignores it in the other modes).</summary>
    public DomainCpuMatch? Match
    {
        get => GetAttribute("match") is { } value ? new DomainCpuMatch(value) : null;
        set => SetAttribute("match", value?.Value);
    }

    /// <summary><c>@check</c>: how libvirt checks the created virtual CPU.</summary>
    public DomainCpuCheck? Check
    {
        get => GetAttribute("check") is { } value ? new DomainCpuCheck(value) : null;
        set => SetAttribute("check", value?.Value);
    }

    /// <summary>
    /// <c>@migratable</c> (<c>on</c>/<c>off</c>, since libvirt 6.5.0): whether features that block migration are
    /// removed from the virtual CPU. libvirt allows it only with host-passthrough and maximum modes. Written as
    /// <c>on</c>/<c>off</c>, as the schema requires.
    /// </summary>
    /// <exception cref="LibvirtXmlValueException">On read: the attribute is not on/off (or yes/no).</exception>
    public bool? Migratable
    {
        get => GetBooleanAttribute("migratable");
        set => SetAttribute("migratable", value switch { null => null, true => "on", false => "off" });
    }

    /// <summary>
    /// The text of <c>/domain/cpu/model</c>: the CPU model name, such as <c>Skylake-Client</c>; <see langword="null"/>
    /// when the element is absent or empty (as in <c>&lt;model fallback='forbid'/&gt;</c>). Setting
    /// <see langword="null"/> removes the text, and the element too when no attribute is left on it.
    /// </summary>
    public string? Model
    {
        get => GetChild("model") is { } model && ElementText.Of(model) is { Length: > 0 } text ? text : null;
        set
        {
            if (value is null)
            {
                if (GetChild("model") is { } model)
                {
                    model.RemoveNodes();
                    PruneModel(model);
                }

                return;
            }

            GetOrAddModel().Value = value;
        }
    }

    /// <summary><c>/domain/cpu/model/@fallback</c>: <c>allow</c> (libvirt's default) or <c>forbid</c> a fallback to a close model.</summary>
    public string? ModelFallback
    {
        get => GetChild("model")?.Attribute("fallback")?.Value;
        set => SetModelAttribute("fallback", value);
    }

    /// <summary><c>/domain/cpu/model/@vendor_id</c>: the 12-character vendor id the guest sees, such as <c>GenuineIntel</c>.</summary>
    public string? ModelVendorId
    {
        get => GetChild("model")?.Attribute("vendor_id")?.Value;
        set => SetModelAttribute("vendor_id", value);
    }

    /// <summary><c>/domain/cpu/vendor</c>: the CPU vendor required, such as <c>Intel</c>; libvirt requires a model with it.</summary>
    public string? Vendor
    {
        get => GetChildText("vendor");
        set => ChildOrder.SetText(Element, "vendor", value, DomainChildOrder.Cpu);
    }

    /// <summary><c>/domain/cpu/topology</c>, or <see langword="null"/> when absent.</summary>
    public DomainCpuTopology? Topology => ViewCache.Child(ref cachedTopology, GetChild("topology"), static e => new DomainCpuTopology(e));

    /// <summary>The <c>/domain/cpu/feature</c> elements in document order (a snapshot list of live views).</summary>
    public IReadOnlyList<DomainCpuFeature> Features => ViewCache.Children(ref cachedFeatures, Element, "feature", static e => new DomainCpuFeature(e));

    /// <summary>The <c>/domain/cpu/numa/cell</c> elements in document order (a snapshot list of live views).</summary>
    public IReadOnlyList<DomainCpuNumaCell> NumaCells =>
        Element.Elements("numa").Elements("cell").Select(c => new DomainCpuNumaCell(c)).ToList();

    /// <summary>Returns <c>/domain/cpu/topology</c>, adding an empty one at libvirt's place when absent.</summary>
    /// <returns>The topology view.</returns>
    public DomainCpuTopology GetOrAddTopology() => new(ChildOrder.GetOrAdd(Element, "topology", DomainChildOrder.Cpu));

    /// <summary>
    /// Sets the policy of the <c>&lt;feature&gt;</c> named <paramref name="name"/>, or adds
    /// <c>&lt;feature policy='…' name='…'/&gt;</c> after the other features when there is none.
    /// </summary>
    /// <param name="name">The feature's name, such as <c>vmx</c>.</param>
    /// <param name="policy">The policy to set.</param>
    /// <returns>The (first) feature with that name.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or empty.</exception>
    public DomainCpuFeature SetFeature(string name, DomainCpuFeaturePolicy policy)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(policy.Value, nameof(policy));
        var existing = FindFeatures(name).FirstOrDefault();
        if (existing is not null)
        {
            existing.SetAttributeValue("policy", policy.Value);
            return new DomainCpuFeature(existing);
        }

        var added = new XElement("feature", new XAttribute("policy", policy.Value), new XAttribute("name", name));
        return new DomainCpuFeature(ChildOrder.Insert(Element, added, DomainChildOrder.Cpu));
    }

    /// <summary>Removes every <c>&lt;feature&gt;</c> named <paramref name="name"/>.</summary>
    /// <param name="name">The feature's name.</param>
    /// <returns>Whether one was removed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public bool RemoveFeature(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var found = FindFeatures(name).ToList();
        foreach (var feature in found)
        {
            XmlTree.Remove(feature);
        }

        return found.Count > 0;
    }

    /// <summary>
    /// Makes this CPU <c>host-passthrough</c>, the mode nested virtualization needs: the guest sees the host CPU
    /// with its vmx/svm flag. The edit sets <c>mode='host-passthrough'</c> (as the first attribute when it is
    /// new) and removes what libvirt ignores or refuses in that mode: the <c>match</c> attribute, the
    /// <c>&lt;model&gt;</c> element (with its fallback and vendor_id) and <c>&lt;vendor&gt;</c> (libvirt refuses a
    /// vendor without a model). It keeps <c>check</c>, <c>&lt;topology&gt;</c>, <c>&lt;cache&gt;</c>,
    /// <c>&lt;maxphysaddr&gt;</c>, <c>&lt;feature&gt;</c>s, <c>&lt;numa&gt;</c> and anything unknown. Running it again
    /// changes nothing. A custom CPU such as
    /// <code>
    /// &lt;cpu mode='custom' match='exact' check='partial'&gt;
    ///   &lt;model fallback='allow'&gt;Skylake-Client&lt;/model&gt;
    ///   &lt;vendor&gt;Intel&lt;/vendor&gt;
    ///   &lt;topology sockets='1' dies='1' cores='2' threads='1'/&gt;
    ///   &lt;feature policy='disable' name='arch-capabilities'/&gt;
    /// &lt;/cpu&gt;
    /// </code>
    /// becomes, with <paramref name="migratable"/> <see langword="false"/>,
    /// <code>
    /// &lt;cpu mode='host-passthrough' check='partial' migratable='off'&gt;
    ///   &lt;topology sockets='1' dies='1' cores='2' threads='1'/&gt;
    ///   &lt;feature policy='disable' name='arch-capabilities'/&gt;
    /// &lt;/cpu&gt;
    /// </code>
    /// libvirt refuses host-passthrough for emulated (<c>type='qemu'</c>) guests.
    /// </summary>
    /// <param name="migratable">
    /// <see langword="null"/> keeps any existing <c>migratable</c> attribute; otherwise it is set to <c>on</c> or <c>off</c>.
    /// </param>
    /// <returns>This view.</returns>
    public DomainCpu SetHostPassthrough(bool? migratable = null) => SetHostCpuMode(DomainCpuMode.HostPassthrough, migratable);

    /// <summary>
    /// Makes this CPU <c>maximum</c> (libvirt 7.1.0 and later): the most capable CPU the hypervisor can give. It is
    /// what a nested guest needs when host-passthrough is not available, as for an emulated (<c>type='qemu'</c>, TCG)
    /// guest, where it maps to QEMU's <c>-cpu max</c>. The edit is the one of <see cref="SetHostPassthrough"/> with
    /// <c>mode='maximum'</c>: <c>match</c>, <c>&lt;model&gt;</c> and <c>&lt;vendor&gt;</c> are removed; <c>check</c>,
    /// topology, features, NUMA, cache and unknown content are kept. Idempotent.
    /// </summary>
    /// <param name="migratable">
    /// <see langword="null"/> keeps any existing <c>migratable</c> attribute; otherwise it is set to <c>on</c> or <c>off</c>.
    /// </param>
    /// <returns>This view.</returns>
    public DomainCpu SetMaximum(bool? migratable = null) => SetHostCpuMode(DomainCpuMode.Maximum, migratable);

    private DomainCpu SetHostCpuMode(DomainCpuMode target, bool? migratable)
    {
        var mode = Element.Attribute("mode");
        if (mode is null)
        {
            // libvirt writes mode first; a new attribute would otherwise land after check or migratable.
            var others = Element.Attributes().ToList();
            Element.RemoveAttributes();
            Element.Add(new XAttribute("mode", target.Value));
            Element.Add(others);
        }
        else
        {
            mode.Value = target.Value;
        }

        SetAttribute("match", null);
        RemoveChildren("model");
        RemoveChildren("vendor");
        if (migratable is not null)
        {
            Migratable = migratable;
        }

        return this;
    }

    private IEnumerable<XElement> FindFeatures(string name) =>
        Element.Elements("feature").Where(f => string.Equals(f.Attribute("name")?.Value, name, StringComparison.Ordinal));

    private XElement GetOrAddModel() => ChildOrder.GetOrAdd(Element, "model", DomainChildOrder.Cpu);

    private void SetModelAttribute(XName name, string? value)
    {
        if (value is null)
        {
            if (GetChild("model") is { } model)
            {
                model.SetAttributeValue(name, null);
                PruneModel(model);
            }

            return;
        }

        GetOrAddModel().SetAttributeValue(name, value);
    }

    private static void PruneModel(XElement model)
    {
        if (!model.HasAttributes && model.Value.Length == 0 && !model.HasElements)
        {
            XmlTree.Remove(model);
        }
    }
}
