using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Tests.Support;

/// <summary>
/// A three-unit index small enough to compute by hand:
/// i1 (+, weight 3) and i2 (-, weight 1) in pillar P1 (weight 2); i3 (+) in P2 (weight 1); index = {P1, P2}.
/// Data: A (0, 10, 5), B (5, 20, missing), C (10, 30, 15).
/// </summary>
internal static class TinyIndex
{
    public static Framework Framework(Aggregator? p1Aggregator = null, Direction p2Direction = Direction.Positive, double? indexThreshold = null) =>
        Indicators.Model.Framework.Create(
        [
            FrameworkNode.ForIndicator(IndicatorDefinition.Create("i1", "Indicator 1", IndicatorKind.Percent), "P1", 3),
            FrameworkNode.ForIndicator(IndicatorDefinition.Create("i2", "Indicator 2", IndicatorKind.Percent, Direction.Negative), "P1", 1),
            FrameworkNode.ForIndicator(IndicatorDefinition.Create("i3", "Indicator 3", IndicatorKind.Count), "P2", 1),
            FrameworkNode.Aggregate("P1", "Pillar 1", "IDX", 2, p1Aggregator),
            FrameworkNode.Aggregate("P2", "Pillar 2", "IDX", 1) with { AggregateDirection = p2Direction },
            FrameworkNode.Aggregate("IDX", "Index") with { AvailabilityThreshold = indexThreshold },
        ]);

    public static Dataset Data() => Dataset.Create(
        [Unit.Create("A", "Alpha"), Unit.Create("B", "Bravo"), Unit.Create("C", "Charlie")],
        ["i1", "i2", "i3"],
        new double[,] { { 0, 10, 5 }, { 5, 20, double.NaN }, { 10, 30, 15 } });

    public static Methodology Methodology(Framework? framework = null) =>
        ProvinceIct.Indicators.Calculation.Methodology.Create("tiny", "Tiny index", framework ?? Framework());
}
