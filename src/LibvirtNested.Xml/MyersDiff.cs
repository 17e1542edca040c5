namespace LibvirtNested.Xml;

/// <summary>
/// Which lines of <c>a</c> are deleted and which of <c>b</c> inserted, by Myers' "An O(ND) difference algorithm"
/// (1986) with the linear-space middle-snake refinement: O((N+M)·D) time and O(N+M) space, lines compared as
/// integers. A shared work budget bounds the time; a region left when it runs out is marked wholly deleted and
/// wholly inserted, which is still a valid (only less minimal) diff.
/// </summary>
internal sealed class MyersDiff
{
    private const long Budget = 50_000_000;

    private readonly int[] a;
    private readonly int[] b;
    private readonly bool[] deleted;
    private readonly bool[] inserted;
    private readonly int[] down;
    private readonly int[] up;
    private long work;

    public MyersDiff(string[] before, string[] after)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        a = Number(before, ids);
        b = Number(after, ids);
        deleted = new bool[a.Length];
        inserted = new bool[b.Length];
        var size = (2 * (a.Length + b.Length)) + 3;
        down = new int[size];
        up = new int[size];
    }

    public (bool[] Deleted, bool[] Inserted) Run()
    {
        // An explicit stack of regions: each split halves D, but a recursion could still be deep on long inputs.
        var regions = new Stack<(int ALo, int AHi, int BLo, int BHi)>();
        regions.Push((0, a.Length, 0, b.Length));
        while (regions.Count > 0)
        {
            var (aLo, aHi, bLo, bHi) = regions.Pop();
            while (aLo < aHi && bLo < bHi && a[aLo] == b[bLo])
            {
                aLo++;
                bLo++;
            }

            while (aLo < aHi && bLo < bHi && a[aHi - 1] == b[bHi - 1])
            {
                aHi--;
                bHi--;
            }

            if (aLo == aHi || bLo == bHi || work > Budget)
            {
                Array.Fill(deleted, true, aLo, aHi - aLo);
                Array.Fill(inserted, true, bLo, bHi - bLo);
                continue;
            }

            var (x, y) = MiddleSnake(aLo, aHi, bLo, bHi);
            regions.Push((x, aHi, y, bHi));
            regions.Push((aLo, x, bLo, y));
        }

        return (deleted, inserted);
    }

    private static int[] Number(string[] lines, Dictionary<string, int> ids)
    {
        var numbers = new int[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            if (!ids.TryGetValue(lines[i], out var id))
            {
                id = ids.Count;
                ids.Add(lines[i], id);
            }

            numbers[i] = id;
        }

        return numbers;
    }

    /// <summary>A point on an optimal path through the region, found by running the forward and backward searches
    /// until they meet. Both are non-empty and differ at both ends (the caller trimmed them).</summary>
    private (int X, int Y) MiddleSnake(int aLo, int aHi, int bLo, int bHi)
    {
        var max = a.Length + b.Length + 1;
        var downK = aLo - bLo;
        var upK = aHi - bHi;
        var delta = (aHi - aLo) - (bHi - bLo);
        var odd = (delta & 1) != 0;
        var downOffset = max - downK;
        var upOffset = max - upK;
        var maxD = ((aHi - aLo + bHi - bLo) / 2) + 1;
        down[downOffset + downK + 1] = aLo;
        up[upOffset + upK - 1] = aHi;

        for (var d = 0; d <= maxD; d++)
        {
            for (var k = downK - d; k <= downK + d; k += 2)
            {
                int x;
                if (k == downK - d)
                {
                    x = down[downOffset + k + 1];
                }
                else
                {
                    x = down[downOffset + k - 1] + 1;
                    if (k < downK + d && down[downOffset + k + 1] >= x)
                    {
                        x = down[downOffset + k + 1];
                    }
                }

                var y = x - k;
                var start = x;
                while (x < aHi && y < bHi && a[x] == b[y])
                {
                    x++;
                    y++;
                }

                work += 1 + x - start;
                down[downOffset + k] = x;
                if (odd && upK - d < k && k < upK + d && up[upOffset + k] <= down[downOffset + k])
                {
                    return (down[downOffset + k], down[downOffset + k] - k);
                }
            }

            for (var k = upK - d; k <= upK + d; k += 2)
            {
                int x;
                if (k == upK + d)
                {
                    x = up[upOffset + k - 1];
                }
                else
                {
                    x = up[upOffset + k + 1] - 1;
                    if (k > upK - d && up[upOffset + k - 1] < x)
                    {
                        x = up[upOffset + k - 1];
                    }
                }

                var y = x - k;
                var start = x;
                while (x > aLo && y > bLo && a[x - 1] == b[y - 1])
                {
                    x--;
                    y--;
                }

                work += 1 + start - x;
                up[upOffset + k] = x;
                if (!odd && downK - d <= k && k <= downK + d && up[upOffset + k] <= down[downOffset + k])
                {
                    return (down[downOffset + k], down[downOffset + k] - k);
                }
            }

            if (work > Budget)
            {
                // Out of budget: split in the middle of the region; both halves are then marked wholesale by Run.
                return ((aLo + aHi) / 2, (bLo + bHi) / 2);
            }
        }

        throw new InvalidOperationException("The forward and backward searches did not meet.");
    }
}
