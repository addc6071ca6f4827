using ProvinceIct.Indicators.Uncertainty;

namespace ProvinceIct.Indicators.Tests.Uncertainty;

public class SobolSequenceTests
{
    [Fact]
    public void Point_FirstEightIn3D_MatchJoeKuoReference()
    {
        // The first points of the Joe-Kuo sequence (Gray-code order), dimensions 1 to 3, as published with their generator.
        double[][] expected =
        [
            [0, 0, 0], [0.5, 0.5, 0.5], [0.75, 0.25, 0.25], [0.25, 0.75, 0.75],
            [0.375, 0.375, 0.625], [0.875, 0.875, 0.125], [0.625, 0.125, 0.875], [0.125, 0.625, 0.375],
        ];
        var sobol = new SobolSequence(3);
        var p = new double[3];
        for (var i = 0; i < expected.Length; i++)
        {
            sobol.Point(i, p);
            Assert.Equal(expected[i], p);
        }
    }

    [Fact]
    public void Next_GrayCodeRecurrence_EqualsDirectPoints()
    {
        var sobol = new SobolSequence(SobolSequence.MaxDimensions);
        var state = new uint[SobolSequence.MaxDimensions];
        var direct = new double[SobolSequence.MaxDimensions];
        var next = new double[SobolSequence.MaxDimensions];
        sobol.State(100, state);
        for (long i = 101; i < 1200; i++)
        {
            sobol.Next(i, state, next);
            sobol.Point(i, direct);
            Assert.Equal(direct, next);
        }
    }

    [Fact]
    public void Point_EveryDimension_IsBalancedOverPowerOfTwoBlock()
    {
        // A (t, m, s)-net property: over the first 2^10 points each coordinate puts exactly half the points below 0.5.
        var sobol = new SobolSequence(SobolSequence.MaxDimensions);
        var p = new double[SobolSequence.MaxDimensions];
        var below = new int[SobolSequence.MaxDimensions];
        for (var i = 0; i < 1024; i++)
        {
            sobol.Point(i, p);
            for (var d = 0; d < p.Length; d++)
            {
                below[d] += p[d] < 0.5 ? 1 : 0;
            }
        }

        Assert.All(below, b => Assert.Equal(512, b));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    public void Ctor_DimensionsOutOfRange_Throws(int d) => Assert.Throws<ArgumentOutOfRangeException>(() => new SobolSequence(d));
}
