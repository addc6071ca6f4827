#:project ../../src/ProvinceIct.Indicators/ProvinceIct.Indicators.csproj
#:property OutputType=Library
#:property PublishAot=false

// An unweighted-sum aggregator (COINr issue #54), in one file: the method and the plugin that registers it.
// An aggregate scores the plain sum of its present children, whatever their weights; a missing child adds nothing
// (COINr's na.rm = TRUE), a child with weight 0 is left out, and a unit with no present child is missing.
//
// Build:  dotnet build samples/plugins/UnweightedSum.cs -o plugins
// CLI:    ictindex compute --data d.csv --meta m.csv --plugin plugins/UnweightedSum.dll --aggregate unweighted-sum
// JSON:   "aggregator": { "method": "unweighted-sum" }  (read with MethodologyJson.Read(json, registry: ...) or --plugin)
// Code:   MethodRegistry.Default.WithPlugin(new UnweightedSumPlugin()), or use new UnweightedSumAggregator() directly.
using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.MethodText;
using ProvinceIct.Indicators.Methods;

namespace Samples.Plugins;

/// <summary>The unweighted sum of a unit's present children: <c>sum x</c>.</summary>
public sealed record UnweightedSumAggregator : CustomAggregator
{
    /// <summary>The name in method text.</summary>
    public const string MethodName = "unweighted-sum";

    /// <summary>Creates the aggregator (it has no parameters).</summary>
    public UnweightedSumAggregator()
        : base(MethodCall.Create(MethodName))
    {
    }

    /// <summary>The plain sum of the values; the weights are ignored.</summary>
    public override double Aggregate(ReadOnlySpan<double> values, ReadOnlySpan<double> weights)
    {
        var sum = 0.0;
        foreach (var x in values)
        {
            sum += x;
        }

        return sum;
    }
}

/// <summary>Registers <c>unweighted-sum</c>; the CLI's <c>--plugin</c> finds this class by its interface.</summary>
public sealed class UnweightedSumPlugin : IMethodPlugin
{
    /// <inheritdoc/>
    public MethodRegistry Register(MethodRegistry registry) =>
        registry.WithAggregator(UnweightedSumAggregator.MethodName, arguments =>
        {
            arguments.EnsureAllRead(); // unweighted-sum takes no arguments
            return new UnweightedSumAggregator();
        });
}
