namespace LibvirtNested;

/// <summary>A domain's state and why it is in it (<c>virDomainGetState</c>).</summary>
/// <param name="State">The state.</param>
/// <param name="ReasonCode">The raw reason, a value of the <c>virDomain{State}Reason</c> enum that belongs to <paramref name="State"/>.</param>
public readonly record struct DomainStateInfo(DomainState State, int ReasonCode)
{
    private static readonly string[] Running = ["unknown", "booted", "migrated", "restored", "from-snapshot", "unpaused", "migration-canceled", "save-canceled", "wakeup", "crashed", "postcopy", "postcopy-failed"];
    private static readonly string[] Paused = ["unknown", "user", "migration", "save", "dump", "ioerror", "watchdog", "from-snapshot", "shutting-down", "snapshot", "crashed", "starting-up", "postcopy", "postcopy-failed"];
    private static readonly string[] ShutOff = ["unknown", "shutdown", "destroyed", "crashed", "migrated", "saved", "failed", "from-snapshot", "daemon"];
    private static readonly string[] ShuttingDown = ["unknown", "user"];
    private static readonly string[] Crashed = ["unknown", "panicked"];
    private static readonly string[] UnknownOnly = ["unknown"];

    /// <summary>
    /// The reason as <c>virsh domstate --reason</c> names it (<c>booted</c>, <c>destroyed</c>, <c>user</c>, …), from
    /// <c>virDomainRunningReason</c>, <c>virDomainShutoffReason</c>, … ; null for a reason newer than libvirt 9.0.0.
    /// </summary>
    public string? Reason
    {
        get
        {
            var names = State switch
            {
                DomainState.Running => Running,
                DomainState.Paused => Paused,
                DomainState.ShutOff => ShutOff,
                DomainState.ShuttingDown => ShuttingDown,
                DomainState.Crashed => Crashed,
                _ => UnknownOnly,
            };
            return ReasonCode >= 0 && ReasonCode < names.Length ? names[ReasonCode] : null;
        }
    }

    /// <summary>The state and reason, e.g. <c>ShutOff (destroyed)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{State} ({Reason ?? ReasonCode.ToString(System.Globalization.CultureInfo.InvariantCulture)})";
}
