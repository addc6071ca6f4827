namespace ProvinceIct.Indicators.Ranking;

/// <summary>
/// The extra scratch of <see cref="RankKernel"/>'s radix sort: a second key and item buffer and the digit counts of every
/// pass. Made once per workspace (or per ranking call outside the compiled run) for at least
/// <see cref="RankKernel.RadixThreshold"/> units, so that ranking in the compiled run allocates nothing.
/// </summary>
internal sealed class RadixScratch
{
    /// <summary>Creates scratch for up to <paramref name="capacity"/> values.</summary>
    /// <param name="capacity">The most values one sort will hold (the unit count).</param>
    public RadixScratch(int capacity)
    {
        Bits = new ulong[capacity];
        Items = new int[capacity];
        Counts = new int[RankKernel.RadixPasses * RankKernel.RadixBuckets];
    }

    /// <summary>The second buffer of ordered keys.</summary>
    public ulong[] Bits { get; }

    /// <summary>The second buffer of item indices.</summary>
    public int[] Items { get; }

    /// <summary>The digit counts of every pass, then each pass's next free position.</summary>
    public int[] Counts { get; }

    /// <summary>The most values one sort can hold.</summary>
    public int Capacity => Bits.Length;

    /// <summary>Scratch for <paramref name="unitCount"/> units, or null when so few that the comparison sort is used.</summary>
    /// <param name="unitCount">The unit count.</param>
    /// <returns>The scratch, or null.</returns>
    public static RadixScratch? For(int unitCount) => unitCount >= RankKernel.RadixThreshold ? new RadixScratch(unitCount) : null;
}
