namespace LibvirtNested;

/// <content>The connection's own close (<c>virConnectRegisterCloseCallback</c>).</content>
public sealed partial class LibvirtConnection
{
    /// <summary>
    /// Raised once when libvirt reports that the connection broke (<c>virConnectRegisterCloseCallback</c>): the daemon
    /// stopped or crashed (<see cref="LibvirtConnectionCloseReason.EndOfFile"/>), an I/O error, or keepalive found it
    /// unresponsive (<see cref="LibvirtConnectionCloseReason.KeepAlive"/>). Not raised by <see cref="Dispose"/>, nor by
    /// the in-process test driver, which never breaks. The sender is this connection.
    /// </summary>
    /// <remarks>
    /// <para>Handlers run on a thread-pool thread, never on libvirt's threads, so they may call back into libvirt; an
    /// exception a handler throws is caught and dropped so that the other handlers still run. A handler added after the
    /// close was reported runs at once (on the thread pool), so adding a handler and then checking
    /// <see cref="IsAlive"/> is not needed.</para>
    /// <para>Without keepalive or an event loop, libvirt notices a dead daemon only at the next call; with the default
    /// <see cref="LibvirtConnectionOptions"/> a daemon that exits is noticed at once and one that hangs within the
    /// keepalive window.</para>
    /// <para>Every <c>Watch…Async</c> stream of the connection ends with the same <see cref="ConnectionClosedEvent"/>
    /// after the events it still held.</para>
    /// </remarks>
    public event EventHandler<ConnectionClosedEvent>? Closed
    {
        add
        {
            if (value is not null)
            {
                handle.CloseCallback?.Add(value);
            }
        }

        remove
        {
            if (value is not null)
            {
                handle.CloseCallback?.Remove(value);
            }
        }
    }
}
