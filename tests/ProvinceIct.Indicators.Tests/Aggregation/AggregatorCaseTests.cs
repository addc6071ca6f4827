using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Aggregation;

/// <summary>Each aggregator case, built by its own constructor, with hand-computed values.</summary>
public class AggregatorCaseTests
{
    [Fact]
    public void PowerMean_OrderTwoOfOneAndSeven_Five() =>
        // sqrt((1^2 + 7^2) / 2) = sqrt(25) = 5.
        AssertNumeric.Close(5, new PowerMeanAggregator(2).Aggregate([1.0, 7], [1, 1]));

    [Fact]
    public void GeometricMean_TwoAndEight_Four() =>
        // exp((log 2 + log 8) / 2) = sqrt(16) = 4.
        AssertNumeric.Close(4, new GeometricMeanAggregator().Aggregate([2.0, 8], [1, 1]));

    [Fact]
    public void HarmonicMean_WeightsThreeAndOne_OfTwoAndSix() =>
        // (3 + 1) / (3 / 2 + 1 / 6) = 4 / (10 / 6) = 2.4.
        AssertNumeric.Close(2.4, new HarmonicMeanAggregator().Aggregate([2.0, 6], [3, 1]));

    [Fact]
    public void MeanMin_AlphaOneBetaZero_IsTheMinimum() =>
        // M - (sqrt((M - min)^2) - 0) = min: M = 5, min = 2.
        AssertNumeric.Close(2, new MeanMinAggregator(1, 0).Aggregate([2.0, 8], [1, 1]));

    [Fact]
    public void Median_FourValues_MeanOfTheMiddleTwo() =>
        // sorted 1, 3, 5, 9: (3 + 5) / 2 = 4.
        AssertNumeric.Close(4, new MedianAggregator().Aggregate([9.0, 1, 5, 3], [1, 1, 1, 1]));

    [Fact]
    public void ArithmeticMean_MissingChild_DroppedWithItsWeight() =>
        // (3 * 2 + 1 * NaN-dropped) / 3 = 2.
        AssertNumeric.Close(2, new ArithmeticMeanAggregator().Aggregate([2.0, double.NaN], [3, 1]));

    [Fact]
    public void MeanMin_AlphaOutOfRange_ThrowsInItsConstructor() =>
        Assert.Throws<ValidationException>(() => new MeanMinAggregator(1.5, 0));

    [Fact]
    public void BenefitOfTheDoubt_UpperBelowLower_ThrowsInItsConstructor() =>
        Assert.Throws<ValidationException>(() => new BenefitOfTheDoubtAggregator(2, 1));

    [Fact]
    public void GeometricMean_ShiftNotPositive_ThrowsInItsConstructor() =>
        Assert.Throws<ValidationException>(() => new GeometricMeanAggregator(0));
}
