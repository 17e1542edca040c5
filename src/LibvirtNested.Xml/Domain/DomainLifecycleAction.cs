namespace LibvirtNested.Xml.Domain;

/// <summary>
/// The action taken on a guest event: the text of <c>/domain/on_poweroff</c>, <c>/domain/on_reboot</c> and <c>/domain/on_crash</c> (formatdomain.html, "Events configuration").
/// Values this library does not know round-trip unchanged.
/// </summary>
/// <param name="Value">The value exactly as written in the XML.</param>
public readonly record struct DomainLifecycleAction(string Value)
{
    /// <summary><c>destroy</c>: the guest is terminated and its resources released.</summary>
    public static DomainLifecycleAction Destroy { get; } = new("destroy");

    /// <summary><c>restart</c>: the guest is terminated and started again with the same configuration.</summary>
    public static DomainLifecycleAction Restart { get; } = new("restart");

    /// <summary><c>preserve</c>: the guest is terminated but its resources are kept for analysis.</summary>
    public static DomainLifecycleAction Preserve { get; } = new("preserve");

    /// <summary><c>rename-restart</c>: the guest is terminated and started again under a new name (Xen only).</summary>
    public static DomainLifecycleAction RenameRestart { get; } = new("rename-restart");

    /// <summary><c>coredump-destroy</c>: the crashed guest's core is dumped, then it is terminated (on_crash only).</summary>
    public static DomainLifecycleAction CoredumpDestroy { get; } = new("coredump-destroy");

    /// <summary><c>coredump-restart</c>: the crashed guest's core is dumped, then it is restarted (on_crash only).</summary>
    public static DomainLifecycleAction CoredumpRestart { get; } = new("coredump-restart");

    /// <summary>The value as written in the XML.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value ?? string.Empty;
}
