namespace ProvinceIct.Indicators.Uncertainty;

/// <summary>Draws rows of uniforms for replications: Sobol (padded with pseudo-random numbers beyond 32 dimensions) or pseudo-random.</summary>
internal sealed class Sampler
{
    private readonly SobolSequence? _sobol;

    public Sampler(SamplerKind kind, int dimensions, ulong seed)
    {
        Kind = kind;
        Dimensions = dimensions;
        Seed = seed;
        if (kind == SamplerKind.Sobol)
        {
            _sobol = new SobolSequence(Math.Min(dimensions, SobolSequence.MaxDimensions));
        }
    }

    public SamplerKind Kind { get; }

    public int Dimensions { get; }

    public ulong Seed { get; }

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
                for (var d = 0; d < _sobol.Dimensions; d++)
                {
                    u[d] = state[d] / 4294967296.0;
                }
            }
            else
            {
                _sobol.Next(index + 1, state, u);
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
        var random = new RandomStream(Seed, (ulong)index);
        var start = 0;
        if (_sobol is not null)
        {
            _sobol.Point(index + 1, u[.._sobol.Dimensions]);
            start = _sobol.Dimensions;
        }

        for (var d = start; d < Dimensions; d++)
        {
            u[d] = random.NextDouble();
        }
    }
}
