using ProvinceIct.Indicators.Uncertainty;

namespace ProvinceIct.Indicators.Tests.Uncertainty;

public class SamplerTests
{
    private const int Dims = 6;

    private static double[] Row(Sampler sampler, long index)
    {
        var u = new double[sampler.Dimensions];
        sampler.Row(index, u);
        return u;
    }

    [Fact]
    public void Row_PlainSobol_EqualsTheSequenceFromPointOne()
    {
        // The plain sampler is the published sequence, unshifted, whatever the seed: row i is point i + 1.
        var sobol = new SobolSequence(Dims);
        var point = new double[Dims];
        foreach (var seed in new ulong[] { 1, 99 })
        {
            var sampler = new Sampler(SamplerKind.Sobol, Dims, seed);
            for (long i = 0; i < 300; i++)
            {
                sobol.Point(i + 1, point);
                Assert.Equal(point, Row(sampler, i));
            }
        }
    }

    [Fact]
    public void Row_PlainSobolFirstRows_AreJoeKuoPoints()
    {
        // Rows 0..2 are Joe-Kuo points 1..3 in dimensions 1-3: (0.5, 0.5, 0.5), (0.75, 0.25, 0.25), (0.25, 0.75, 0.75).
        var sampler = new Sampler(SamplerKind.Sobol, 3, 7);
        Assert.Equal([0.5, 0.5, 0.5], Row(sampler, 0));
        Assert.Equal([0.75, 0.25, 0.25], Row(sampler, 1));
        Assert.Equal([0.25, 0.75, 0.75], Row(sampler, 2));
    }

    [Fact]
    public void Row_ShiftedSobolTwoSeeds_DifferInEveryDimension()
    {
        var a = new Sampler(SamplerKind.ShiftedSobol, Dims, 1);
        var b = new Sampler(SamplerKind.ShiftedSobol, Dims, 2);
        for (long i = 0; i < 50; i++)
        {
            var ra = Row(a, i);
            var rb = Row(b, i);
            for (var d = 0; d < Dims; d++)
            {
                Assert.NotEqual(ra[d], rb[d]);
            }
        }
    }

    [Fact]
    public void Row_ShiftedSobolSameSeed_SameRowsAndContinuationEqualsFreshStart()
    {
        var a = new Sampler(SamplerKind.ShiftedSobol, Dims, 5);
        var b = new Sampler(SamplerKind.ShiftedSobol, Dims, 5);
        var state = new uint[SobolSequence.MaxDimensions];
        var next = new double[Dims];
        for (long i = 40; i < 600; i++)
        {
            a.Row(i, next, state, fresh: i == 40);
            Assert.Equal(Row(b, i), next);
        }
    }

    [Fact]
    public void Row_ShiftedSobol_InUnitInterval()
    {
        var sampler = new Sampler(SamplerKind.ShiftedSobol, SobolSequence.MaxDimensions + 3, 123);
        for (long i = 0; i < 2000; i++)
        {
            Assert.All(Row(sampler, i), x => Assert.InRange(x, 0.0, Math.BitDecrement(1.0)));
        }
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(0xDEADBEEFUL)]
    public void SobolPoint_ShiftedFirst1024Points_EachOf16IntervalsHolds64(ulong seed)
    {
        // A digital shift permutes the 2^k dyadic intervals of each dimension, so the Sobol property survives: the
        // first 2^10 points put exactly 2^(10-4) = 64 points in each of the 2^4 = 16 intervals [j/16, (j+1)/16).
        var sampler = new Sampler(SamplerKind.ShiftedSobol, Dims, seed);
        var counts = new int[Dims, 16];
        var u = new double[Dims];
        for (long i = 0; i < 1024; i++)
        {
            sampler.SobolPoint(i, u);
            for (var d = 0; d < Dims; d++)
            {
                counts[d, (int)(u[d] * 16)]++;
            }
        }

        for (var d = 0; d < Dims; d++)
        {
            for (var j = 0; j < 16; j++)
            {
                Assert.Equal(64, counts[d, j]);
            }
        }
    }

    [Fact]
    public void SobolPoint_ShiftedOrigin_IsNotTheOrigin()
    {
        // The plain origin is 0 in every dimension; a shift moves it to the shift words themselves.
        var u = new double[Dims];
        new Sampler(SamplerKind.ShiftedSobol, Dims, 3).SobolPoint(0, u);
        Assert.Contains(u, x => x != 0);
    }

    [Theory]
    [InlineData(SamplerKind.ShiftedSobol, "shifted-sobol")]
    [InlineData(SamplerKind.Sobol, "sobol")]
    [InlineData(SamplerKind.Random, "random")]
    public void Name_EachKind_CommandLineName(SamplerKind kind, string expected) => Assert.Equal(expected, Sampler.Name(kind));
}
