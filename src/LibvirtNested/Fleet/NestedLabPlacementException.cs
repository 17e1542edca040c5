namespace LibvirtNested.Fleet;

/// <summary>No host of the pool can take a nested lab's guest; <see cref="Refusals"/> says for every host why.</summary>
public class NestedLabPlacementException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public NestedLabPlacementException()
        : this("No host fits the nested lab.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public NestedLabPlacementException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public NestedLabPlacementException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for <paramref name="request"/>, naming every host's reasons in the message.</summary>
    /// <param name="request">What was asked.</param>
    /// <param name="refusals">Every host and why it does not fit.</param>
    public NestedLabPlacementException(NestedLabRequest request, IReadOnlyList<HostRefusal> refusals)
        : base(Describe(request, refusals))
    {
        ArgumentNullException.ThrowIfNull(refusals);
        Request = request;
        Refusals = refusals;
    }

    /// <summary>What was asked; null when not given.</summary>
    public NestedLabRequest? Request { get; }

    /// <summary>Every host of the pool (or of the subset asked for) and why it does not fit.</summary>
    public IReadOnlyList<HostRefusal> Refusals { get; } = [];

    private static string Describe(NestedLabRequest request, IReadOnlyList<HostRefusal> refusals)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(refusals);
        var asked = $"No host fits an {request.Level} guest of {request.MemoryBytes / (1024 * 1024)} MiB and {request.VirtualCpus} vCPUs";
        return refusals.Count == 0 ? $"{asked}: the pool has no hosts." : $"{asked}:{Environment.NewLine}{string.Join(Environment.NewLine, refusals.Select(r => $"  {r}"))}";
    }
}
