namespace LibvirtNested;

/// <summary>Which objects a list call returns (the <c>*_ACTIVE</c> / <c>*_INACTIVE</c> flags of <c>virConnectListAll*</c>).</summary>
public enum LibvirtListFilter
{
    /// <summary>Active and inactive objects (no flag).</summary>
    All = 0,

    /// <summary>Running domains / started networks and pools (<c>VIR_CONNECT_LIST_*_ACTIVE</c>).</summary>
    Active = 1,

    /// <summary>Defined but not running (<c>VIR_CONNECT_LIST_*_INACTIVE</c>).</summary>
    Inactive = 2,
}
