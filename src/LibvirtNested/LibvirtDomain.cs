using System.Xml.Linq;
using LibvirtNested.Interop;
using LibvirtNested.Xml.Domain;

namespace LibvirtNested;

/// <summary>
/// A domain (guest) of a <see cref="LibvirtConnection"/> (<c>virDomainPtr</c>). Dispose it to release libvirt's
/// reference; that does not affect the guest. Thread-safe like its connection.
/// </summary>
public sealed partial class LibvirtDomain : IDisposable
{
    private readonly DomainHandle handle;

    internal LibvirtDomain(LibvirtConnection connection, DomainHandle handle)
    {
        Connection = connection;
        this.handle = handle;
    }

    /// <summary>The connection this domain was obtained from.</summary>
    public LibvirtConnection Connection { get; }

    /// <summary>The domain's name (<c>virDomainGetName</c>).</summary>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public string Name
    {
        get => LibvirtError.CheckString(Libvirt.virDomainGetName(Handle), nameof(Libvirt.virDomainGetName));
    }

    /// <summary>The domain's UUID (<c>virDomainGetUUIDString</c>).</summary>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public Guid Uuid => LibvirtProxy.DomainUuid(Handle);

    /// <summary>Whether the domain is running (<c>virDomainIsActive</c>).</summary>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public bool IsActive => LibvirtError.Check(Libvirt.virDomainIsActive(Handle), nameof(Libvirt.virDomainIsActive)) == 1;

    /// <summary>Whether the domain has a persistent definition (<c>virDomainIsPersistent</c>).</summary>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public bool IsPersistent => LibvirtError.Check(Libvirt.virDomainIsPersistent(Handle), nameof(Libvirt.virDomainIsPersistent)) == 1;

    /// <summary>Whether the domain starts with the host (<c>virDomainGetAutostart</c> / <c>virDomainSetAutostart</c>).</summary>
    /// <exception cref="LibvirtException">libvirt failed, e.g. the domain is transient.</exception>
    public bool Autostart
    {
        get
        {
            LibvirtError.Check(Libvirt.virDomainGetAutostart(Handle, out var autostart), nameof(Libvirt.virDomainGetAutostart));
            return autostart != 0;
        }

        set => LibvirtError.Check(Libvirt.virDomainSetAutostart(Handle, value ? 1 : 0), nameof(Libvirt.virDomainSetAutostart));
    }

    internal DomainHandle Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(handle.IsClosed, this);
            return handle;
        }
    }

    /// <summary>The domain's XML (<c>virDomainGetXMLDesc</c>) as a typed document.</summary>
    /// <param name="inactive">The persistent definition (<c>VIR_DOMAIN_XML_INACTIVE</c>), the one to edit; false gives the live state.</param>
    /// <param name="secure">Include security-sensitive data such as VNC passwords (<c>VIR_DOMAIN_XML_SECURE</c>; needs a read-write connection).</param>
    /// <returns>The document.</returns>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public DomainXml GetXml(bool inactive = false, bool secure = false) => DomainXml.Parse(GetXmlString(inactive, secure));

    /// <summary>The domain's XML text (<c>virDomainGetXMLDesc</c>) exactly as libvirt formats it.</summary>
    /// <param name="inactive">The persistent definition (<c>VIR_DOMAIN_XML_INACTIVE</c>).</param>
    /// <param name="secure">Include security-sensitive data (<c>VIR_DOMAIN_XML_SECURE</c>).</param>
    /// <returns>The XML text.</returns>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public string GetXmlString(bool inactive = false, bool secure = false)
    {
        var flags = (inactive ? Libvirt.VIR_DOMAIN_XML_INACTIVE : 0) | (secure ? Libvirt.VIR_DOMAIN_XML_SECURE : 0);
        return LibvirtError.CheckString(Libvirt.virDomainGetXMLDesc(Handle, flags), nameof(Libvirt.virDomainGetXMLDesc));
    }

    /// <summary>Starts the defined domain (<c>virDomainCreate</c>, <c>virsh start</c>).</summary>
    /// <exception cref="LibvirtOperationInvalidException">The domain is already running.</exception>
    /// <exception cref="LibvirtUnsupportedConfigurationException">The hypervisor cannot run this configuration.</exception>
    /// <exception cref="LibvirtException">libvirt or the hypervisor failed.</exception>
    public void Start() => LibvirtError.Check(Libvirt.virDomainCreate(Handle), nameof(Libvirt.virDomainCreate));

    /// <summary>Asks the guest to shut down (<c>virDomainShutdown</c>); returns before it has stopped.</summary>
    /// <exception cref="LibvirtOperationInvalidException">The domain is not running.</exception>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public void Shutdown() => LibvirtError.Check(Libvirt.virDomainShutdown(Handle), nameof(Libvirt.virDomainShutdown));

    /// <summary>Asks the guest to reboot (<c>virDomainReboot</c> with the hypervisor's default method).</summary>
    /// <exception cref="LibvirtOperationInvalidException">The domain is not running.</exception>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public void Reboot() => LibvirtError.Check(Libvirt.virDomainReboot(Handle, 0), nameof(Libvirt.virDomainReboot));

    /// <summary>Stops the guest immediately, like pulling the plug (<c>virDomainDestroy</c>).</summary>
    /// <exception cref="LibvirtOperationInvalidException">The domain is not running.</exception>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public void Destroy() => LibvirtError.Check(Libvirt.virDomainDestroy(Handle), nameof(Libvirt.virDomainDestroy));

    /// <summary>Removes the persistent definition (<c>virDomainUndefineFlags</c>); a running guest keeps running as transient.</summary>
    /// <param name="options">What else to remove or keep.</param>
    /// <exception cref="LibvirtOperationInvalidException">The domain is transient, or has nvram / snapshots / managed save that <paramref name="options"/> does not cover.</exception>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public void Undefine(DomainUndefineOptions options = DomainUndefineOptions.None) =>
        LibvirtError.Check(Libvirt.virDomainUndefineFlags(Handle, (uint)options), nameof(Libvirt.virDomainUndefineFlags));

    /// <summary>The state and its reason (<c>virDomainGetState</c>, <c>virsh domstate --reason</c>).</summary>
    /// <returns>The state.</returns>
    /// <exception cref="LibvirtException">libvirt failed.</exception>
    public DomainStateInfo GetState()
    {
        LibvirtError.Check(Libvirt.virDomainGetState(Handle, out var state, out var reason, 0), nameof(Libvirt.virDomainGetState));
        return new DomainStateInfo((DomainState)state, reason);
    }

    /// <summary>Attaches a device (<c>virDomainAttachDeviceFlags</c>, <c>virsh attach-device</c>).</summary>
    /// <param name="deviceXml">One device element, e.g. <c>&lt;disk&gt;</c> or <c>&lt;interface&gt;</c>.</param>
    /// <param name="scope">Live guest, persistent definition, or both.</param>
    /// <exception cref="LibvirtInvalidXmlException">libvirt cannot parse the device.</exception>
    /// <exception cref="LibvirtOperationInvalidException">A live change was asked of a stopped domain.</exception>
    /// <exception cref="LibvirtException">libvirt or the hypervisor failed.</exception>
    public void AttachDevice(string deviceXml, DomainModificationScope scope = DomainModificationScope.Current)
    {
        ArgumentNullException.ThrowIfNull(deviceXml);
        LibvirtError.Check(Libvirt.virDomainAttachDeviceFlags(Handle, deviceXml, (uint)scope), nameof(Libvirt.virDomainAttachDeviceFlags));
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
        LibvirtError.Check(Libvirt.virDomainDetachDeviceFlags(Handle, deviceXml, (uint)scope), nameof(Libvirt.virDomainDetachDeviceFlags));
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

    /// <summary>Edits this domain's definition like <c>virsh edit</c>; see <see cref="LibvirtConnection.EditDomain(LibvirtDomain, Action{DomainXml}, EditOptions?)"/>.</summary>
    /// <param name="change">Changes the inactive definition in place.</param>
    /// <param name="options">Dry run and validation.</param>
    /// <returns>What changed.</returns>
    /// <exception cref="LibvirtException">libvirt rejected the edited definition; the domain is unchanged.</exception>
    public EditResult Edit(Action<DomainXml> change, EditOptions? options = null) => Connection.EditDomain(this, change, options);

    /// <summary>Releases this reference (<c>virDomainFree</c>); the guest is not affected.</summary>
    public void Dispose() => handle.Dispose();

    /// <summary>The domain's name.</summary>
    /// <returns>The name, or a placeholder after disposal.</returns>
    public override string ToString() => handle.IsClosed ? "(disposed domain)" : Name;
}
