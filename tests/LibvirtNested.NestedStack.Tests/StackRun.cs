using System.Text.Json;
using LibvirtNested.Testing;
using NUnit.Framework;

namespace LibvirtNested.NestedStack.Tests;

/// <summary>
/// The results.json of the nested-stack run that scripts/test.sh made just before these tests (scripts/nested-stack.sh,
/// driven by samples/NestedStack): what the library reported at every stage. Without a run, the tests say why and
/// skip, except on CI (<c>CI=true</c>), where a stage that did not run is a failure.
/// </summary>
internal static class StackRun
{
    /// <summary>The environment variable scripts/test.sh sets to the results of the run it just made.</summary>
    public const string ResultsVariable = "LIBVIRTNESTED_NESTED_STACK_RESULTS";

    private static readonly Lazy<JsonElement?> Loaded = new(Load);

    /// <summary>The run's results, or the test is skipped (failed on CI) with the reason.</summary>
    public static JsonElement Results
    {
        get
        {
            if (Loaded.Value is { } results)
            {
                return results;
            }

            var why = Environment.GetEnvironmentVariable(ResultsVariable) is { Length: > 0 } path
                ? $"{ResultsVariable}={path} does not exist: the nested-stack stage wrote no results (see its output above)."
                : $"{ResultsVariable} is not set: run the stack first (bash scripts/nested-stack.sh, as root), then {ResultsVariable}=artifacts/nested-stack/results.json dotnet test; scripts/test.sh does both.";
            if (RepositoryPaths.IsCi)
            {
                Assert.Fail("CI=true and the nested stack did not run: " + why);
            }

            Assert.Ignore(why);
            return default;
        }
    }

    public static JsonElement Get(string path)
    {
        var element = Results;
        foreach (var part in path.Split('.'))
        {
            if (!element.TryGetProperty(part, out element))
            {
                Assert.Fail($"results.json has no '{path}'");
            }
        }

        return element;
    }

    public static string? Text(string path) => Get(path) is { ValueKind: JsonValueKind.String } e ? e.GetString() : null;

    private static JsonElement? Load()
    {
        var path = Environment.GetEnvironmentVariable(ResultsVariable);
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        path = Path.IsPathRooted(path) ? path : Path.Combine(RepositoryPaths.Root, path);
        return File.Exists(path) ? JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone() : null;
    }
}
