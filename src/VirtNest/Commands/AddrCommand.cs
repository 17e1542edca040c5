using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace LibvirtNested.Cli.Commands;

/// <summary>
/// <c>virt-nest addr DOMAIN</c>: the guest's addresses (<see cref="LibvirtDomain.GetInterfaceAddresses"/>, virsh
/// domifaddr) instead of scanning the subnet with nmap; <c>--wait</c> waits for them with
/// <see cref="LibvirtDomain.WaitForAddressesAsync"/>, which polls again at once on the guest agent's and the domain's
/// lifecycle events.
/// </summary>
internal sealed class AddrCommand
{
    /// <summary>What <c>--wait</c> without a value waits: about what a netinst guest takes to boot and get a lease.</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromMinutes(2);

    private readonly GlobalOptions global;

    private readonly Argument<string> domainName = new("domain") { Description = "The running guest", HelpName = "DOMAIN" };

    private readonly Option<string?> wait = new("--wait")
    {
        Description = "Wait until every interface has an address, at most TIMEOUT (seconds, or with a unit: 90s, 5m, 1h; default 2m); " +
            "exit code 7 when the time is up",
        HelpName = "TIMEOUT",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private readonly Option<string> source = new("--source")
    {
        Description = "Where the addresses come from: lease (libvirt's DHCP leases), agent (the QEMU guest agent) or arp (the host's ARP table)",
        HelpName = "lease|agent|arp",
        DefaultValueFactory = _ => "lease",
    };

    private readonly Option<string[]> interfaceNames = new("--interface")
    {
        Description = "With --wait: wait for these interfaces only (their names on the host, e.g. vnet0); repeatable",
        HelpName = "NAME",
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly Option<bool> json = new("--json")
    {
        Description = "Print the interfaces as JSON: name, mac, addresses with prefix",
    };

    public AddrCommand(GlobalOptions global, CommandCatalog catalog)
    {
        this.global = global;
        source.AcceptOnlyFromAmong("lease", "agent", "arp");
        NameCompletions.AddDomains(domainName, global);
        Command = catalog.Add(
            new Command("addr", "Print a running guest's interfaces and addresses (DHCP leases, guest agent or ARP), optionally waiting for them: " +
                "instead of nmap -sP over the subnet.")
            {
                domainName, wait, source, interfaceNames, json,
            },
            new Example("virt-nest addr nested-L2 --wait", "wait up to 2 minutes for L2's DHCP lease and print it"),
            new Example("virt-nest addr nested-L2 --wait 5m --source agent --json", "ask the guest agent, as JSON"),
            new Example("ssh root@$(virt-nest addr nested-L2 --wait -q | awk '{print $3}' | cut -d/ -f1 | head -1)", "log in to L2"));
        Command.SetAction(RunAsync);
    }

    public Command Command { get; }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var context = new CommandContext(parseResult, global);
        var addressSource = context.Get(source) switch
        {
            "agent" => DomainAddressSource.Agent,
            "arp" => DomainAddressSource.Arp,
            _ => DomainAddressSource.Lease,
        };
        TimeSpan? timeout = parseResult.GetResult(wait) is null ? null : ParseTimeout(context.Get(wait));
        using var connection = context.Open();
        using var domain = Lookup.Domain(connection, context.Get(domainName));
        IReadOnlyList<DomainInterfaceAddresses> interfaces;
        if (timeout is { } limit)
        {
            context.Note($"Waiting up to {Format(limit)} for the addresses of '{domain.Name}' ({Names.Of(addressSource)})...");
            var names = context.Get(interfaceNames) is { Length: > 0 } some ? some : null;
            var options = new DomainAddressWaitOptions { Source = addressSource, Interfaces = names, Progress = new WaitProgress(context, limit) };
            try
            {
                interfaces = await domain.WaitForAddressesAsync(limit, options, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                throw new CommandFailedException(ExitCodes.TimedOut,
                    $"addr: '{domain.Name}' had no address on every interface within {Format(limit)} ({Names.Of(addressSource)}). " +
                    "Is the guest up, does its network hand out DHCP leases (or does it run the guest agent for --source agent)?");
            }
        }
        else
        {
            interfaces = domain.GetInterfaceAddresses(addressSource);
        }

        Print(context, interfaces);
        return ExitCodes.Success;
    }

    private void Print(CommandContext context, IReadOnlyList<DomainInterfaceAddresses> interfaces)
    {
        if (context.Get(json))
        {
            JsonOutput.Write(context.Out, writer => WriteJson(writer, interfaces));
            return;
        }

        foreach (var nic in interfaces)
        {
            foreach (var address in nic.Addresses)
            {
                context.Out.WriteLine($"{nic.Name} {nic.MacAddress ?? "-"} {address.Address}/{address.Prefix.ToString(CultureInfo.InvariantCulture)}");
            }
        }
    }

    private static void WriteJson(Utf8JsonWriter writer, IReadOnlyList<DomainInterfaceAddresses> interfaces)
    {
        writer.WriteStartArray();
        foreach (var nic in interfaces)
        {
            writer.WriteStartObject();
            writer.WriteString("name", nic.Name);
            writer.WriteNullableString("mac", nic.MacAddress);
            writer.WriteStartArray("addresses");
            foreach (var address in nic.Addresses)
            {
                writer.WriteStartObject();
                writer.WriteString("address", address.Address.ToString());
                writer.WriteNumber("prefix", address.Prefix);
                writer.WriteString("family", address.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "ipv6" : "ipv4");
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>TIMEOUT: whole seconds, or a number with s, m or h; none means <see cref="DefaultWait"/>.</summary>
    internal static TimeSpan ParseTimeout(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return DefaultWait;
        }

        var (number, unit) = text[^1] switch
        {
            's' => (text[..^1], 1),
            'm' => (text[..^1], 60),
            'h' => (text[..^1], 3600),
            _ => (text, 1),
        };
        if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > int.MaxValue / unit)
        {
            throw new UsageException($"--wait {text}: write a number of seconds, or a number with s, m or h (90, 90s, 5m, 1h).");
        }

        return TimeSpan.FromSeconds((long)count * unit);
    }

    private static string Format(TimeSpan span) => span.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) + "s";

    /// <summary>One line on stderr per poll (suppressed by -q), written at once, in order.</summary>
    private sealed class WaitProgress(CommandContext context, TimeSpan timeout) : IProgress<IReadOnlyList<DomainInterfaceAddresses>>
    {
        private readonly DateTime start = DateTime.UtcNow;

        public void Report(IReadOnlyList<DomainInterfaceAddresses> value)
        {
            var seen = value.Sum(nic => nic.Addresses.Count);
            context.Note($"  waiting: {Format(DateTime.UtcNow - start)} of {Format(timeout)}, {seen.ToString(CultureInfo.InvariantCulture)} address(es) so far");
        }
    }
}
