using System.Text.Json;

namespace LibvirtNested.Samples.NestedStack;

/// <summary>The JSON settings of the results and of L1's report.</summary>
internal static class Json
{
    public static readonly JsonSerializerOptions Options = new() { WriteIndented = true };
}
