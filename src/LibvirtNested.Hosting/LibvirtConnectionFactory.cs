using Microsoft.Extensions.Options;

namespace LibvirtNested.Hosting;

/// <summary>The registered <see cref="ILibvirtConnectionFactory"/>: <see cref="LibvirtConnection.Open(string, LibvirtConnectionOptions?)"/> with the options of the container.</summary>
internal sealed class LibvirtConnectionFactory(IOptions<LibvirtNestedOptions> options, IOptions<LibvirtConnectionOptions> connectionOptions) : ILibvirtConnectionFactory
{
    public LibvirtConnection Open() => LibvirtConnection.Open(options.Value.Uri, connectionOptions.Value);
}
