namespace LibvirtNested;

/// <summary>libvirt's <c>virErrorLevel</c>: how serious a reported error is.</summary>
public enum LibvirtErrorLevel
{
    /// <summary><c>VIR_ERR_NONE</c>.</summary>
    None = 0,

    /// <summary><c>VIR_ERR_WARNING</c>: a simple warning.</summary>
    Warning = 1,

    /// <summary><c>VIR_ERR_ERROR</c>: an error.</summary>
    Error = 2,
}
