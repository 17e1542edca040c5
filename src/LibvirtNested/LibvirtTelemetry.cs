namespace LibvirtNested;

/// <summary>
/// The names under which the library reports metrics (<see cref="System.Diagnostics.Metrics.Meter"/>) and traces
/// (<see cref="System.Diagnostics.ActivitySource"/>), for an OpenTelemetry setup's <c>AddMeter</c> and <c>AddSource</c>.
/// </summary>
/// <remarks>
/// <para>Instruments of the meter <see cref="MeterName"/>: <c>libvirtnested.calls</c> (counter of libvirt API calls),
/// <c>libvirtnested.call.duration</c> (histogram, seconds), <c>libvirtnested.events.delivered</c> and
/// <c>libvirtnested.events.lost</c> (counters of libvirt events handed to subscribers or dropped for a full buffer),
/// <c>libvirtnested.reconnects</c> (counter of reconnection attempts). The source <see cref="ActivitySourceName"/>
/// starts one span per libvirt API call, named after the C function (<c>virDomainCreate</c>, …).</para>
/// <para>Tags are low-cardinality only: <c>libvirt.api</c> (the C function), <c>libvirt.outcome</c> (<c>ok</c> or
/// <c>error</c>), <c>libvirt.error.code</c> (the <c>virErrorNumber</c>, on failures), <c>libvirt.event</c> (the kind
/// of event). Never a domain name, a URI or a host name.</para>
/// <para>Nothing is measured while nobody listens: each call then costs one check of whether a listener exists.</para>
/// </remarks>
public static class LibvirtTelemetry
{
    /// <summary>The name of the library's <see cref="System.Diagnostics.Metrics.Meter"/>: <c>LibvirtNested</c>.</summary>
    public const string MeterName = "LibvirtNested";

    /// <summary>The name of the library's <see cref="System.Diagnostics.ActivitySource"/>: <c>LibvirtNested</c>.</summary>
    public const string ActivitySourceName = "LibvirtNested";
}
