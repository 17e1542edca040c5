using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace LibvirtNested.Cli;

/// <summary>
/// Writes <c>--json</c> output with <see cref="Utf8JsonWriter"/>: no reflection, so the NativeAOT binary and the .NET
/// tool print the same bytes, and the property names are spelt out where the shape is decided.
/// </summary>
internal static class JsonOutput
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Paths, diffs and libvirt's messages are shown to people and piped to jq: keep '<', '>', '&' and '+' readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(TextWriter output, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    public static void WriteNullableString(this Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
