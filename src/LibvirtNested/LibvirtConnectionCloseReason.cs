namespace LibvirtNested;

/// <summary>Why libvirt closed a connection (<c>virConnectCloseReason</c>, passed to a <c>virConnectCloseFunc</c>).</summary>
public enum LibvirtConnectionCloseReason
{
    /// <summary><c>VIR_CONNECT_CLOSE_REASON_ERROR</c>: an I/O error on the connection's socket.</summary>
    Error = 0,

    /// <summary><c>VIR_CONNECT_CLOSE_REASON_EOF</c>: the daemon closed the socket (it stopped, crashed or restarted).</summary>
    EndOfFile = 1,

    /// <summary><c>VIR_CONNECT_CLOSE_REASON_KEEPALIVE</c>: the daemon did not answer keepalive messages (interval × count seconds).</summary>
    KeepAlive = 2,

    /// <summary><c>VIR_CONNECT_CLOSE_REASON_CLIENT</c>: closed by this process.</summary>
    Client = 3,
}
