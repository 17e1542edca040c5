using System.Reflection;

namespace LibvirtNested.AotSmoke;

/// <summary>
/// Records the checks of one run: each prints <c>ok AREA: WHAT</c> or <c>FAIL AREA: WHAT: WHY</c>, and the run ends with
/// one summary line that scripts/aot-check.sh reads. An exception in an area fails that area and the run goes on.
/// </summary>
internal sealed class SmokeRun(TextWriter output)
{
    private readonly List<string> areas = [];
    private string area = "";
    private int passed;
    private int failed;

    public int Failed => failed;

    /// <summary>Runs one area; an exception escaping it counts as a failed check.</summary>
    public async Task AreaAsync(string name, Func<Task> body)
    {
        area = name;
        areas.Add(name);
        try
        {
            await body().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Fail("completes", $"{e.GetType().Name}: {e.Message}");
        }
    }

    public Task AreaAsync(string name, Action body) => AreaAsync(name, () =>
    {
        body();
        return Task.CompletedTask;
    });

    public void Check(string what, bool condition, string? why = null)
    {
        if (condition)
        {
            passed++;
            output.WriteLine($"ok {area}: {what}");
        }
        else
        {
            Fail(what, why ?? "condition false");
        }
    }

    public void Equal<T>(string what, T expected, T actual) =>
        Check(what, EqualityComparer<T>.Default.Equals(expected, actual), $"expected '{expected}', got '{actual}'");

    /// <summary>Passes when <paramref name="action"/> throws exactly <typeparamref name="TException"/> (or a subtype).</summary>
    public TException? Throws<TException>(string what, Action action)
        where TException : Exception
    {
        try
        {
            action();
        }
        catch (TException e)
        {
            Check(what, true);
            return e;
        }
        catch (Exception e)
        {
            Fail(what, $"expected {typeof(TException).Name}, got {e.GetType().Name}: {e.Message}");
            return null;
        }

        Fail(what, $"expected {typeof(TException).Name}, nothing was thrown");
        return null;
    }

    /// <summary>The text of an input embedded in the binary (see the csproj).</summary>
    public static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"resource {name} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Prints the summary line and returns the exit code: 0 only when every check passed.</summary>
    public int Finish()
    {
        output.WriteLine($"AotSmoke: areas {string.Join(',', areas)}");
        output.WriteLine($"AotSmoke: {passed} checks passed, {failed} failed");
        return failed == 0 && passed > 0 ? 0 : 1;
    }

    private void Fail(string what, string why)
    {
        failed++;
        output.WriteLine($"FAIL {area}: {what}: {why}");
    }
}
