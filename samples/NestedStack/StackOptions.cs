namespace LibvirtNested.Samples.NestedStack;

/// <summary>The stack command's arguments.</summary>
internal sealed record StackOptions
{
    public required string Work { get; init; }

    public string L1Mode { get; init; } = "auto";

    public string L1Name { get; init; } = "lvn-it-nested-l1";

    public string L2Name { get; init; } = "lvn-nested-l2";

    public string Network { get; init; } = "nested-bridge";

    public string Uri { get; init; } = "qemu:///system";

    /// <summary>Seconds left for every stage together; each stage also has its own limit.</summary>
    public int BudgetSeconds { get; init; } = 900;

    public bool Keep { get; init; }

    public string Share => Path.Combine(Work, "share");

    public static StackOptions Parse(string[] args)
    {
        string? work = null;
        var options = new StackOptions { Work = "" };
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--work" => options with { Work = work = Path.GetFullPath(Value()) },
                "--l1" => options with { L1Mode = Value() },
                "--l1-name" => options with { L1Name = Value() },
                "--uri" => options with { Uri = Value() },
                "--budget" => options with { BudgetSeconds = int.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture) },
                "--keep" => options with { Keep = true },
                _ => throw new ArgumentException($"unknown argument '{args[i]}'"),
            };
        }

        return work is null ? throw new ArgumentException("--work is required") : options;
    }
}
