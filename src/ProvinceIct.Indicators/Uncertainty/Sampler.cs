namespace ProvinceIct.Indicators.Uncertainty;

/// <summary>
/// Draws rows of uniforms for replications: Sobol, Sobol with a seed-derived random digital shift (padded with
/// pseudo-random numbers beyond 32 dimensions), or pseudo-random. Row i depends only on (kind, seed, i).
/// </summary>
internal sealed class Sampler
{
    /// <summary>The stream index of the digital shift words: beyond any replication number (at most 2^32).</summary>
    private const ulong ShiftStream = ulong.MaxValue - 0x5EED;

    private const int LowBits = 20;

    private const double Scale52 = 1.0 / (1UL << 52);

    private readonly SobolSequence? _sobol;

    /// <summary>Per Sobol dimension, the 52-bit shift word (all zero for the plain Sobol sequence).</summary>
    private readonly ulong[] _shift = [];

    public Sampler(SamplerKind kind, int dimensions, ulong seed)
    {
        Kind = kind;
        Dimensions = dimensions;
        Seed = seed;
        if (kind is SamplerKind.Sobol or SamplerKind.ShiftedSobol)
        {
            _sobol = new SobolSequence(Math.Min(dimensions, SobolSequence.MaxDimensions));
            _shift = new ulong[_sobol.Dimensions];
            if (kind == SamplerKind.ShiftedSobol)
            {
                var random = new RandomStream(seed, ShiftStream);
                for (var d = 0; d < _shift.Length; d++)
                {
                    _shift[d] = random.NextUInt64() >> 12;
                }
            }
        }
    }

    public SamplerKind Kind { get; }

    /// <summary>The kind's name in output and on the command line: <c>shifted-sobol</c>, <c>sobol</c> or <c>random</c>.</summary>
    public static string Name(SamplerKind kind) => kind switch
    {
        SamplerKind.ShiftedSobol => "shifted-sobol",
        SamplerKind.Sobol => "sobol",
        _ => "random",
    };

    public int Dimensions { get; }

    public ulong Seed { get; }

    /// <summary>The coordinate of a raw 32-bit Sobol state in dimension d after the shift: (x XOR w_d) / 2^52.</summary>
    private double Coordinate(uint state, int d) => ((((ulong)state) << LowBits) ^ _shift[d]) * Scale52;

    /// <summary>
    /// Fills row <paramref name="index"/> continuing from row <paramref name="index"/> - 1 whose Sobol state is in
    /// <paramref name="state"/> (or starting afresh when <paramref name="fresh"/>); the same numbers as <see cref="Row(long, Span{double})"/>.
    /// </summary>
    public void Row(long index, Span<double> u, Span<uint> state, bool fresh)
    {
        var start = 0;
        if (_sobol is not null)
        {
            if (fresh)
            {
                _sobol.State(index + 1, state);
            }
            else
            {
                _sobol.Advance(index + 1, state);
            }

            for (var d = 0; d < _sobol.Dimensions; d++)
            {
                u[d] = Coordinate(state[d], d);
            }

            start = _sobol.Dimensions;
        }

        if (start < Dimensions)
        {
            var random = new RandomStream(Seed, (ulong)index);
            for (var d = start; d < Dimensions; d++)
            {
                u[d] = random.NextDouble();
            }
        }
    }

    /// <summary>Fills row <paramref name="index"/> (0-based; Sobol rows start at point 1, skipping the origin). Allocates nothing.</summary>
    public void Row(long index, Span<double> u)
    {
        Span<uint> state = stackalloc uint[SobolSequence.MaxDimensions];
        Row(index, u, state, fresh: true);
    }

    /// <summary>Fills <paramref name="u"/> with Sobol point <paramref name="point"/> (0 is the origin) of the first dimensions, shifted as this sampler shifts; for tests of the shift.</summary>
    internal void SobolPoint(long point, Span<double> u)
    {
        Span<uint> state = stackalloc uint[SobolSequence.MaxDimensions];
        _sobol!.State(point, state);
        for (var d = 0; d < _sobol.Dimensions; d++)
        {
            u[d] = Coordinate(state[d], d);
        }
    }
}
