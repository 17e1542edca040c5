namespace LibvirtNested;

/// <summary>
/// How the guest is asked to shut down: libvirt's <c>virDomainShutdownFlagValues</c> for <c>virDomainShutdownFlags</c>
/// (values equal to the C enum). Several may be combined; the hypervisor picks one of them, in its own order.
/// </summary>
[Flags]
public enum DomainShutdownMode
{
    /// <summary>The hypervisor's choice (flags 0, as <c>virDomainShutdown</c>).</summary>
    Default = 0,

    /// <summary><c>VIR_DOMAIN_SHUTDOWN_ACPI_POWER_BTN</c>: an ACPI power button press.</summary>
    AcpiPowerButton = 1 << 0,

    /// <summary><c>VIR_DOMAIN_SHUTDOWN_GUEST_AGENT</c>: through the QEMU guest agent.</summary>
    GuestAgent = 1 << 1,

    /// <summary><c>VIR_DOMAIN_SHUTDOWN_INITCTL</c>: through the container's <c>/dev/initctl</c>.</summary>
    InitCtl = 1 << 2,

    /// <summary><c>VIR_DOMAIN_SHUTDOWN_SIGNAL</c>: a signal to the container's init.</summary>
    Signal = 1 << 3,

    /// <summary><c>VIR_DOMAIN_SHUTDOWN_PARAVIRT</c>: the paravirtual shutdown of Xen guests.</summary>
    Paravirt = 1 << 4,
}
