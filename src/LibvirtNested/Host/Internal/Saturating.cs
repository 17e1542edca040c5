namespace LibvirtNested.Host.Internal;

/// <summary>Long arithmetic that stops at <see cref="long.MaxValue"/> / <see cref="long.MinValue"/> instead of throwing
/// <see cref="OverflowException"/> (LINQ's Sum) or wrapping around (unchecked +): counts from perf output are untrusted text.</summary>
internal static class Saturating
{
    public static long Add(long a, long b)
    {
        var sum = unchecked(a + b);

        // Overflow happened when both operands have the same sign and the result's sign differs.
        return ((a ^ sum) & (b ^ sum)) < 0 ? (a < 0 ? long.MinValue : long.MaxValue) : sum;
    }

    public static long Subtract(long a, long b) => b == long.MinValue
        ? (a >= 0 ? long.MaxValue : unchecked(a - b))
        : Add(a, -b);

    public static long Sum(IEnumerable<long> values)
    {
        var total = 0L;
        foreach (var value in values)
        {
            total = Add(total, value);
        }

        return total;
    }
}
