using System.Xml.Linq;
using LibvirtNested.Interop;
using LibvirtNested.Xml.Domain;

namespace LibvirtNested;

/// <summary>
/// A domain (guest) of a <see cref="LibvirtConnection"/> (<c>virDomainPtr</c>). Dispose it to release libvirt's
/// reference; that does not affect the guest. Thread-safe like its connection.
/// </summary>
/// <remarks>
/// libvirt's domain reference holds its connection open, so every method here keeps working after
/// <see cref="Connection"/> was disposed, <see cref="Edit"/> included (it then edits through a new reference to the
/// same connection).
/// </remarks>
public sealed partial class LibvirtDomain : LibvirtObject
{
    internal LibvirtDomain(LibvirtConnection connection, DomainHandle handle)
        : base(handle)
    {
        Connection = connection;
    }

    /// <summary>The connection this domain was obtained from.</summary>
    public LibvirtConnection Connection { get; }

    /// <summary>The domain's name (<c>virDomainGetName</c>).</summary>
    /// <exception cref="ObjectDisposedException">This object was disposed.</exception>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public override string Name
    {
        get => LibvirtCall.Begin(nameof(Libvirt.virDomainGetName)).CheckString(Libvirt.virDomainGetName(Handle));
    }

    /// <summary>The domain's UUID (<c>virDomainGetUUIDString</c>).</summary>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public Guid Uuid => LibvirtProxy.DomainUuid(Handle);

    /// <summary>Whether the domain is running (<c>virDomainIsActive</c>).</summary>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public bool IsActive => LibvirtCall.Begin(nameof(Libvirt.virDomainIsActive)).Check(Libvirt.virDomainIsActive(Handle)) == 1;

    /// <summary>Whether the domain has a persistent definition (<c>virDomainIsPersistent</c>).</summary>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public bool IsPersistent => LibvirtCall.Begin(nameof(Libvirt.virDomainIsPersistent)).Check(Libvirt.virDomainIsPersistent(Handle)) == 1;

    /// <summary>Whether the domain starts with the host (<c>virDomainGetAutostart</c> / <c>virDomainSetAutostart</c>).</summary>
    /// <exception cref="LibvirtException">libvirt failed, e.g. the domain is transient.</exception>
    public bool Autostart
    {
        get
        {
            LibvirtCall.Begin(nameof(Libvirt.virDomainGetAutostart)).Check(Libvirt.virDomainGetAutostart(Handle, out var autostart));
            return autostart != 0;
        }

        set => LibvirtCall.Begin(nameof(Libvirt.virDomainSetAutostart)).Check(Libvirt.virDomainSetAutostart(Handle, value ? 1 : 0));
    }

    /// <inheritdoc/>
    private protected override string Kind => "domain";

    internal DomainHandle Handle => GuardedHandle<DomainHandle>();

    /// <summary>
    /// The persistent definition (<c>virDomainGetXMLDesc</c> with <c>VIR_DOMAIN_XML_INACTIVE</c>, <c>virsh dumpxml --inactive</c>)
    /// as a typed document: the one to edit and to verify an edit against. It is what the guest gets at its next start.
    /// </summary>
    /// <param name="options">Extra flags, e.g. <see cref="DomainXmlOptions.Secure"/> for passwords.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ObjectDisposedException">This object was disposed.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="options"/> holds an unknown flag.</exception>
    /// <exception cref="LibvirtException">libvirt failed, e.g. <see cref="LibvirtOperationInvalidException"/> for <see cref="DomainXmlOptions.Secure"/> on a read-only connection.</exception>
    public DomainXml GetInactiveXml(DomainXmlOptions options = DomainXmlOptions.None) => DomainXml.Parse(GetInactiveXmlString(options));

    /// <summary>
    /// The running guest's state (<c>virDomainGetXMLDesc</c> without <c>VIR_DOMAIN_XML_INACTIVE</c>, <c>virsh dumpxml</c>)
    /// as a typed document: with the live changes, assigned tap devices, ports and aliases. For a stopped domain it
    /// equals the definition.
    /// </summary>
    /// <param name="options">Extra flags, e.g. <see cref="DomainXmlOptions.Secure"/>.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ObjectDisposedException">This object was disposed.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="options"/> holds an unknown flag.</exception>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public DomainXml GetLiveXml(DomainXmlOptions options = DomainXmlOptions.None) => DomainXml.Parse(GetLiveXmlString(options));

    /// <summary>The persistent definition's XML text exactly as libvirt formats it (<c>virDomainGetXMLDesc</c> with <c>VIR_DOMAIN_XML_INACTIVE</c>).</summary>
    /// <param name="options">Extra flags, e.g. <see cref="DomainXmlOptions.Secure"/>.</param>
    /// <returns>The XML text.</returns>
    /// <exception cref="ObjectDisposedException">This object was disposed.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="options"/> holds an unknown flag.</exception>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public string GetInactiveXmlString(DomainXmlOptions options = DomainXmlOptions.None) => GetXmlDesc(inactive: true, options);

    /// <summary>The running guest's XML text exactly as libvirt formats it (<c>virDomainGetXMLDesc</c>).</summary>
    /// <param name="options">Extra flags, e.g. <see cref="DomainXmlOptions.Secure"/>.</param>
    /// <returns>The XML text.</returns>
    /// <exception cref="ObjectDisposedException">This object was disposed.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="options"/> holds an unknown flag.</exception>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public string GetLiveXmlString(DomainXmlOptions options = DomainXmlOptions.None) => GetXmlDesc(inactive: false, options);

    /// <summary>Starts the defined domain (<c>virDomainCreate</c>, <c>virsh start</c>).</summary>
    /// <exception cref="LibvirtOperationInvalidException">The domain is already running.</exception>
    /// <exception cref="LibvirtUnsupportedConfigurationException">The hypervisor cannot run this configuration.</exception>
    /// <exception cref="LibvirtException">libvirt or the hypervisor failed.</exception>
    public void Start() => LibvirtCall.Begin(nameof(Libvirt.virDomainCreate)).Check(Libvirt.virDomainCreate(Handle));

    /// <summary>Asks the guest to shut down (<c>virDomainShutdown</c>); returns before it has stopped.</summary>
    /// <exception cref="LibvirtOperationInvalidException">The domain is not running.</exception>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public void Shutdown() => LibvirtCall.Begin(nameof(Libvirt.virDomainShutdown)).Check(Libvirt.virDomainShutdown(Handle));

    /// <summary>Asks the guest to reboot (<c>virDomainReboot</c> with the hypervisor's default method).</summary>
    /// <exception cref="LibvirtOperationInvalidException">The domain is not running.</exception>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public void Reboot() => LibvirtCall.Begin(nameof(Libvirt.virDomainReboot)).Check(Libvirt.virDomainReboot(Handle, LibvirtFlags.None));

    /// <summary>Pauses the running guest's virtual CPUs (<c>virDomainSuspend</c>, <c>virsh suspend</c>); its memory stays allocated.</summary>
    /// <exception cref="ObjectDisposedException">This object was disposed.</exception>
    /// <exception cref="LibvirtOperationInvalidException">The domain is not running, or already paused.</exception>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public void Suspend() => LibvirtCall.Begin(nameof(Libvirt.virDomainSuspend)).Check(Libvirt.virDomainSuspend(Handle));

    /// <summary>Lets a paused guest run again (<c>virDomainResume</c>, <c>virsh resume</c>).</summary>
    /// <exception cref="ObjectDisposedException">This object was disposed.</exception>
    /// <exception cref="LibvirtOperationInvalidException">The domain is not paused.</exception>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public void Resume() => LibvirtCall.Begin(nameof(Libvirt.virDomainResume)).Check(Libvirt.virDomainResume(Handle));

    /// <summary>Stops the guest immediately, like pulling the plug (<c>virDomainDestroy</c>).</summary>
    /// <exception cref="LibvirtOperationInvalidException">The domain is not running.</exception>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public void Destroy() => LibvirtCall.Begin(nameof(Libvirt.virDomainDestroy)).Check(Libvirt.virDomainDestroy(Handle));

    /// <summary>Removes the persistent definition (<c>virDomainUndefineFlags</c>); a running guest keeps running as transient.</summary>
    /// <param name="options">What else to remove or keep.</param>
    /// <exception cref="LibvirtOperationInvalidException">The domain is transient, or has nvram / snapshots / managed save that <paramref name="options"/> does not cover.</exception>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public void Undefine(DomainUndefineOptions options = DomainUndefineOptions.None) =>
        LibvirtCall.Begin(nameof(Libvirt.virDomainUndefineFlags)).Check(Libvirt.virDomainUndefineFlags(Handle, LibvirtFlags.DomainUndefine(options)));

    /// <summary>The state and its reason (<c>virDomainGetState</c>, <c>virsh domstate --reason</c>).</summary>
    /// <returns>The state.</returns>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public DomainStateInfo GetState()
    {
        LibvirtCall.Begin(nameof(Libvirt.virDomainGetState)).Check(Libvirt.virDomainGetState(Handle, out var state, out var reason, LibvirtFlags.None));
        return new DomainStateInfo((DomainState)state, reason);
    }

    /// <summary>State, memory and virtual CPUs in one round trip (<c>virDomainGetInfo</c>, <c>virsh dominfo</c>).</summary>
    /// <returns>The summary.</returns>
    /// <exception cref="ObjectDisposedException">This object was disposed.</exception>
    /// <exception cref="LibvirtException">libvirt failed, e.g. <see cref="LibvirtNotFoundException"/> when the domain was undefined meanwhile.</exception>
    public DomainInfo GetInfo() => LibvirtProxy.DomainInfo(Handle);

    /// <summary>Attaches a device (<c>virDomainAttachDeviceFlags</c>, <c>virsh attach-device</c>).</summary>
    /// <param name="deviceXml">One device element, e.g. <c>&lt;disk&gt;</c> or <c>&lt;interface&gt;</c>.</param>
    /// <param name="scope">Live guest, persistent definition, or both.</param>
    /// <exception cref="LibvirtInvalidXmlException">libvirt cannot parse the device.</exception>
    /// <exception cref="LibvirtOperationInvalidException">A live change was asked of a stopped domain.</exception>
    /// <exception cref="LibvirtException">libvirt or the hypervisor failed.</exception>
    public void AttachDevice(string deviceXml, DomainModificationScope scope = DomainModificationScope.Current)
    {
        ArgumentNullException.ThrowIfNull(deviceXml);
        LibvirtCall.Begin(nameof(Libvirt.virDomainAttachDeviceFlags)).Check(Libvirt.virDomainAttachDeviceFlags(Handle, deviceXml, LibvirtFlags.DomainModification(scope)));
    }

    /// <summary>Attaches a device given as an element (<c>virDomainAttachDeviceFlags</c>).</summary>
    /// <param name="device">The device element.</param>
    /// <param name="scope">Live guest, persistent definition, or both.</param>
    /// <exception cref="LibvirtException">libvirt refused the device; see <see cref="AttachDevice(string, DomainModificationScope)"/>.</exception>
    public void AttachDevice(XElement device, DomainModificationScope scope = DomainModificationScope.Current)
    {
        ArgumentNullException.ThrowIfNull(device);
        AttachDevice(device.ToString(SaveOptions.DisableFormatting), scope);
    }

    /// <summary>Attaches a typed device, such as a <see cref="DomainDisk"/> or <see cref="DomainInterface"/> (<c>virDomainAttachDeviceFlags</c>).</summary>
    /// <param name="device">The device; its element is sent.</param>
    /// <param name="scope">Live guest, persistent definition, or both.</param>
    /// <exception cref="LibvirtException">libvirt refused the device; see <see cref="AttachDevice(string, DomainModificationScope)"/>.</exception>
    public void AttachDevice(DomainDevice device, DomainModificationScope scope = DomainModificationScope.Current)
    {
        ArgumentNullException.ThrowIfNull(device);
        AttachDevice(device.Element, scope);
    }

    /// <summary>Detaches a device (<c>virDomainDetachDeviceFlags</c>, <c>virsh detach-device</c>).</summary>
    /// <param name="deviceXml">The device element, identifying the device (e.g. by target or MAC).</param>
    /// <param name="scope">Live guest, persistent definition, or both.</param>
    /// <exception cref="LibvirtNotFoundException">No such device (<c>VIR_ERR_DEVICE_MISSING</c>).</exception>
    /// <exception cref="LibvirtException">libvirt or the hypervisor failed.</exception>
    public void DetachDevice(string deviceXml, DomainModificationScope scope = DomainModificationScope.Current)
    {
        ArgumentNullException.ThrowIfNull(deviceXml);
        LibvirtCall.Begin(nameof(Libvirt.virDomainDetachDeviceFlags)).Check(Libvirt.virDomainDetachDeviceFlags(Handle, deviceXml, LibvirtFlags.DomainModification(scope)));
    }

    /// <summary>Detaches a device given as an element (<c>virDomainDetachDeviceFlags</c>).</summary>
    /// <param name="device">The device element.</param>
    /// <param name="scope">Live guest, persistent definition, or both.</param>
    /// <exception cref="LibvirtException">libvirt refused; see <see cref="DetachDevice(string, DomainModificationScope)"/>.</exception>
    public void DetachDevice(XElement device, DomainModificationScope scope = DomainModificationScope.Current)
    {
        ArgumentNullException.ThrowIfNull(device);
        DetachDevice(device.ToString(SaveOptions.DisableFormatting), scope);
    }

    /// <summary>Detaches a typed device, e.g. one read from <see cref="DomainXml.Devices"/> (<c>virDomainDetachDeviceFlags</c>).</summary>
    /// <param name="device">The device.</param>
    /// <param name="scope">Live guest, persistent definition, or both.</param>
    /// <exception cref="LibvirtException">libvirt refused; see <see cref="DetachDevice(string, DomainModificationScope)"/>.</exception>
    public void DetachDevice(DomainDevice device, DomainModificationScope scope = DomainModificationScope.Current)
    {
        ArgumentNullException.ThrowIfNull(device);
        DetachDevice(device.Element, scope);
    }

    /// <summary>
    /// Edits this domain's definition like <c>virsh edit</c>; see <see cref="LibvirtConnection.EditDomain(LibvirtDomain, Action{DomainXml}, EditOptions?)"/>.
    /// Works after <see cref="Connection"/> was disposed: the domain's own reference keeps the connection open, and the
    /// edit then goes through a new reference to it (<c>virDomainGetConnect</c>, <c>virConnectRef</c>).
    /// </summary>
    /// <param name="change">Changes the inactive definition in place; it can run more than once (see <see cref="LibvirtConnection.EditDomain(LibvirtDomain, Action{DomainXml}, EditOptions?)"/>).</param>
    /// <param name="options">Dry run, validation and diff redaction.</param>
    /// <returns>What changed.</returns>
    /// <exception cref="ObjectDisposedException">This domain object was disposed.</exception>
    /// <exception cref="LibvirtEditConflictException">Another process kept changing the definition during every attempt.</exception>
    /// <exception cref="LibvirtException">libvirt rejected the edited definition; the domain is unchanged.</exception>
    public EditResult Edit(Action<DomainXml> change, EditOptions? options = null)
    {
        if (!Connection.IsClosed)
        {
            return Connection.EditDomain(this, change, options);
        }

        using var connection = LibvirtConnection.Of(this);
        return connection.EditDomain(this, change, options);
    }

    private string GetXmlDesc(bool inactive, DomainXmlOptions options) =>
        LibvirtCall.Begin(nameof(Libvirt.virDomainGetXMLDesc)).CheckString(
            Libvirt.virDomainGetXMLDesc(Handle, LibvirtFlags.DomainXml(inactive, options)));
}
