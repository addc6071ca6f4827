using System.Globalization;

namespace ProvinceIct.Indicators.Uncertainty;

/// <summary>
/// The Sobol quasi-random sequence in up to <see cref="MaxDimensions"/> dimensions, with the Joe-Kuo direction
/// numbers (new-joe-kuo-6.21201: S. Joe and F. Y. Kuo, "Constructing Sobol sequences with better two-dimensional
/// projections", SIAM J. Sci. Comput. 30, 2008) and 32-bit precision. Points are computed directly from their
/// index in Gray-code order (point i is the XOR of the direction numbers of the bits of i XOR (i &gt;&gt; 1)), so any
/// point can be drawn independently, by any thread. Point 0 is the origin. Immutable and thread-safe.
/// </summary>
public sealed class SobolSequence
{
    /// <summary>The largest number of dimensions supported (the first 32 Joe-Kuo dimensions).</summary>
    public const int MaxDimensions = 32;

    private const int Bits = 32;

    // d, s, a, m_1..m_s for dimensions 2..32 (dimension 1 has all m_i = 1).
    private static readonly int[][] JoeKuo =
    [
        [2, 1, 0, 1], [3, 2, 1, 1, 3], [4, 3, 1, 1, 3, 1], [5, 3, 2, 1, 1, 1], [6, 4, 1, 1, 1, 3, 3],
        [7, 4, 4, 1, 3, 5, 13], [8, 5, 2, 1, 1, 5, 5, 17], [9, 5, 4, 1, 1, 5, 5, 5], [10, 5, 7, 1, 1, 7, 11, 19],
        [11, 5, 11, 1, 1, 5, 1, 1], [12, 5, 13, 1, 1, 1, 3, 11], [13, 5, 14, 1, 3, 5, 5, 31], [14, 6, 1, 1, 3, 3, 9, 7, 49],
        [15, 6, 13, 1, 1, 1, 15, 21, 21], [16, 6, 16, 1, 3, 1, 13, 27, 49], [17, 6, 19, 1, 1, 1, 15, 7, 5],
        [18, 6, 22, 1, 3, 1, 15, 13, 25], [19, 6, 25, 1, 1, 5, 5, 19, 61], [20, 7, 1, 1, 3, 7, 11, 23, 15, 103],
        [21, 7, 4, 1, 3, 7, 13, 13, 15, 69], [22, 7, 7, 1, 1, 3, 13, 7, 35, 63], [23, 7, 8, 1, 3, 5, 9, 1, 25, 53],
        [24, 7, 14, 1, 3, 1, 13, 9, 35, 107], [25, 7, 19, 1, 3, 1, 5, 27, 61, 31], [26, 7, 21, 1, 1, 5, 11, 19, 41, 61],
        [27, 7, 28, 1, 3, 5, 3, 3, 13, 69], [28, 7, 31, 1, 1, 7, 13, 1, 19, 1], [29, 7, 32, 1, 3, 7, 5, 13, 19, 59],
        [30, 7, 37, 1, 1, 3, 9, 25, 29, 41], [31, 7, 41, 1, 3, 5, 13, 23, 1, 55], [32, 7, 42, 1, 3, 7, 3, 13, 59, 17],
    ];

    private readonly uint[] _directions; // dimension * Bits + bit

    /// <summary>Creates the sequence in <paramref name="dimensions"/> dimensions.</summary>
    /// <param name="dimensions">1 to <see cref="MaxDimensions"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">Outside that range.</exception>
    public SobolSequence(int dimensions)
    {
        if (dimensions < 1 || dimensions > MaxDimensions)
        {
            throw new ArgumentOutOfRangeException(nameof(dimensions), dimensions, "The Sobol sequence here supports 1 to " + MaxDimensions.ToString(CultureInfo.InvariantCulture) + " dimensions.");
        }

        Dimensions = dimensions;
        _directions = new uint[dimensions * Bits];
        for (var i = 1; i <= Bits; i++)
        {
            _directions[i - 1] = 1u << (Bits - i);
        }

        for (var d = 1; d < dimensions; d++)
        {
            var row = JoeKuo[d - 1];
            var s = row[1];
            var a = row[2];
            var v = _directions.AsSpan(d * Bits, Bits);
            for (var i = 1; i <= Math.Min(s, Bits); i++)
            {
                v[i - 1] = (uint)row[2 + i] << (Bits - i);
            }

            for (var i = s + 1; i <= Bits; i++)
            {
                var x = v[i - s - 1] ^ (v[i - s - 1] >> s);
                for (var k = 1; k <= s - 1; k++)
                {
                    x ^= (uint)((a >> (s - 1 - k)) & 1) * v[i - k - 1];
                }

                v[i - 1] = x;
            }
        }
    }

    /// <summary>The number of dimensions.</summary>
    public int Dimensions { get; }

    /// <summary>Writes point <paramref name="index"/> into <paramref name="point"/>: each coordinate in [0, 1). Allocates nothing.</summary>
    /// <param name="index">The point index, 0 to 2^32 - 1 (0 is the origin).</param>
    /// <param name="point">Receives <see cref="Dimensions"/> coordinates.</param>
    public void Point(long index, Span<double> point)
    {
        if (index < 0 || index > uint.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, "The index must be in [0, 2^32).");
        }

        Span<uint> state = stackalloc uint[MaxDimensions];
        State(index, state);
        for (var d = 0; d < Dimensions; d++)
        {
            point[d] = state[d] / 4294967296.0;
        }
    }

    /// <summary>
    /// Writes point <paramref name="index"/> given the raw 32-bit state of point <paramref name="index"/> - 1 (Gray-code
    /// recurrence: one XOR per dimension), and updates the state. Start a run with <see cref="Point(long, Span{double})"/>'s
    /// state from <see cref="State"/>. Allocates nothing.
    /// </summary>
    internal void Next(long index, Span<uint> state, Span<double> point)
    {
        var bit = System.Numerics.BitOperations.TrailingZeroCount((ulong)(index - 1) ^ ulong.MaxValue);
        for (var d = 0; d < Dimensions; d++)
        {
            state[d] ^= _directions[(d * Bits) + bit];
            point[d] = state[d] / 4294967296.0;
        }
    }

    /// <summary>Updates the raw 32-bit state of point <paramref name="index"/> - 1 to that of point <paramref name="index"/> (one XOR per dimension). Allocates nothing.</summary>
    internal void Advance(long index, Span<uint> state)
    {
        var bit = System.Numerics.BitOperations.TrailingZeroCount((ulong)(index - 1) ^ ulong.MaxValue);
        for (var d = 0; d < Dimensions; d++)
        {
            state[d] ^= _directions[(d * Bits) + bit];
        }
    }

    /// <summary>The raw 32-bit state of point <paramref name="index"/> (for <see cref="Next"/>).</summary>
    internal void State(long index, Span<uint> state)
    {
        var gray = (uint)index ^ ((uint)index >> 1);
        for (var d = 0; d < Dimensions; d++)
        {
            uint x = 0;
            var g = gray;
            var bit = 0;
            while (g != 0)
            {
                if ((g & 1) != 0)
                {
                    x ^= _directions[(d * Bits) + bit];
                }

                g >>= 1;
                bit++;
            }

            state[d] = x;
        }
    }

    /// <summary>Formats as <c>Sobol (Joe-Kuo), d dimensions</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => "Sobol (Joe-Kuo), " + Dimensions.ToString(CultureInfo.InvariantCulture) + " dimensions";
}
