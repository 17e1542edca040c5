namespace LibvirtNested;

/// <summary>How <see cref="LibvirtDomain.ShutdownAndWaitAsync(TimeSpan, DomainShutdownOptions?, CancellationToken)"/> ended.</summary>
public enum DomainShutdownOutcome
{
    /// <summary>The domain was already shut off (or, if transient, gone): nothing was asked of it.</summary>
    AlreadyShutOff = 0,

    /// <summary>The guest shut down within the timeout (<c>virDomainShutdownFlags</c>, then <c>VIR_DOMAIN_EVENT_STOPPED</c>).</summary>
    ShutDown = 1,

    /// <summary>The guest did not stop within the timeout and was destroyed (<c>virDomainDestroy</c>), as <see cref="DomainShutdownOptions.DestroyOnTimeout"/> asked.</summary>
    Destroyed = 2,
}
