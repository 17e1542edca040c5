namespace LibvirtNested.Hosting;

/// <summary>
/// What <c>services.AddLibvirtNested(configuration)</c> binds from configuration besides <see cref="LibvirtConnectionOptions"/> (which is bound from the same section):
/// which libvirt to connect to.
/// </summary>
/// <example>
/// appsettings.json: <c>{ "LibvirtNested": { "Uri": "qemu:///system" } }</c>.
/// </example>
public sealed class LibvirtNestedOptions
{
    /// <summary>The configuration section <c>AddLibvirtNested(configuration.GetSection(...))</c> conventionally reads: <c>LibvirtNested</c>.</summary>
    public const string SectionName = "LibvirtNested";

    /// <summary>The libvirt URI to open (<c>virConnectOpen</c>): <c>qemu:///system</c> (the default), <c>qemu+ssh://host/system</c>, <c>test:///default</c>, ….</summary>
    public string Uri { get; set; } = "qemu:///system";
}
