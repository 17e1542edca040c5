namespace LibvirtNested.Fleet;

/// <summary>Which guest of a nested lab is being placed.</summary>
public enum NestedLabLevel
{
    /// <summary>An L1 guest on an L0 host: it runs its own guests, so it needs KVM and <c>host-passthrough</c> on the host.</summary>
    L1 = 1,

    /// <summary>An L2 guest on a host that is itself an L1 guest: it needs KVM there (nested KVM), but does not nest further.</summary>
    L2 = 2,
}
