using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using ProvinceIct.Indicators.Aggregation;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Normalisation;

namespace ProvinceIct.Indicators.Calculation;

/// <summary>
/// The part of a compiled index that depends on the methodology only: node order (indicators, then aggregates by
/// level), the edges with their signs and nominal weights, the aggregator plans and thresholds, each indicator's
/// normaliser, the method names the log reports, and the methodology's own validation. Made once per methodology
/// instance and shared by every <see cref="CompiledIndex"/> of it (a methodology is immutable, and a <c>with</c> copy
/// is another instance, so it gets its own). Read-only after construction: nothing here is ever written.
/// </summary>
internal sealed class IndexStructure
{
    private static readonly ConditionalWeakTable<Methodology, IndexStructure> Cache = new();

    private IndexStructure(Methodology methodology)
    {
        var fw = methodology.Framework;
        Indicators = fw.Indicators;
        var aggregates = fw.Aggregates
            .Select((node, i) => (node, i, level: fw.Level(node.Code)))
            .OrderBy(t => t.level).ThenBy(t => t.i)
            .Select(t => t.node).ToArray();
        IndicatorCount = Indicators.Length;
        AggregateCount = aggregates.Length;
        NodeCodes = Indicators.Select(d => d.Code).Concat(aggregates.Select(a => a.Code)).ToImmutableArray();
        var position = new Dictionary<string, int>(NodeCodes.Length, StringComparer.Ordinal);
        for (var i = 0; i < NodeCodes.Length; i++)
        {
            position.Add(NodeCodes[i], i);
        }

        NodePosition = position.ToFrozenDictionary(StringComparer.Ordinal);
        NodeLevels = NodeCodes.Select(fw.Level).ToImmutableArray();

        Normalisers = new Normaliser[IndicatorCount];
        NodeMethodNames = new string[NodeCodes.Length];
        for (var j = 0; j < IndicatorCount; j++)
        {
            var normaliser = methodology.NormaliserFor(Indicators[j].Code);
            Normalisers[j] = normaliser;
            NodeMethodNames[j] = normaliser.Method.ToString();
            HasReferenceUnit |= normaliser is DistanceToReferenceNormaliser;
        }

        // Without a reference unit an indicator's plan does not depend on the data: one array serves every compilation.
        if (!HasReferenceUnit)
        {
            SharedPlans = new NormaliserPlan[IndicatorCount];
            for (var j = 0; j < IndicatorCount; j++)
            {
                SharedPlans[j] = new NormaliserPlan(Normalisers[j], Indicators[j]);
            }
        }

        ChildStart = new int[AggregateCount + 1];
        var childNodes = new List<int>();
        var signs = new List<double>();
        var weights = new List<double>();
        var edges = ImmutableArray.CreateBuilder<WeightEdge>();
        AggregatorPlans = new AggregatorPlan[AggregateCount];
        Thresholds = new double[AggregateCount];
        ChildCodes = new string[AggregateCount][];
        for (var a = 0; a < AggregateCount; a++)
        {
            var node = aggregates[a];
            ChildStart[a] = childNodes.Count;
            var children = fw.Children(node.Code).ToArray();
            ChildCodes[a] = children.Select(c => c.Code).ToArray();
            foreach (var child in children)
            {
                childNodes.Add(position[child.Code]);
                // An indicator's direction is applied by its normaliser; an aggregate's is applied when its parent reads it.
                signs.Add(!child.IsIndicator && child.Direction == Direction.Negative ? -1.0 : 1.0);
                weights.Add(child.Weight);
                edges.Add(new WeightEdge(node.Code, child.Code));
            }

            var plan = new AggregatorPlan(methodology.AggregatorFor(node.Code));
            AggregatorPlans[a] = plan;
            NodeMethodNames[IndicatorCount + a] = MethodName(plan);
            MaxChildren = Math.Max(MaxChildren, children.Length);
            Thresholds[a] = methodology.AvailabilityThresholdFor(node.Code);
        }

        ChildStart[AggregateCount] = childNodes.Count;
        ChildNode = childNodes.ToArray();
        ChildSign = signs.ToArray();
        NominalWeightArray = weights.ToArray();
        NominalWeights = ImmutableArray.Create(NominalWeightArray);
        Edges = edges.ToImmutable();
        EdgeChildLevels = Edges.Select(e => fw.Level(e.ChildCode)).ToImmutableArray();
        Validation = methodology.Validate();
    }

    /// <summary>The structure of a methodology, made on first use and kept while the methodology lives.</summary>
    /// <param name="methodology">The methodology.</param>
    /// <returns>Its structure (the same instance for the same methodology instance).</returns>
    public static IndexStructure For(Methodology methodology) => Cache.GetValue(methodology, static m => new IndexStructure(m));

    /// <summary>The name of an aggregation method as the calculation log reports it.</summary>
    /// <param name="plan">The aggregator plan.</param>
    /// <returns>The method name (the power mean with its exponent, a custom method by its source).</returns>
    public static string MethodName(in AggregatorPlan plan) =>
        plan.Method == AggregationMethod.PowerMean ? "PowerMean(p=" + plan.Power.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + ")"
        : plan.Method == AggregationMethod.Custom ? plan.Source.ToString() : plan.Method.ToString();

    public ImmutableArray<IndicatorDefinition> Indicators { get; }

    public int IndicatorCount { get; }

    public int AggregateCount { get; }

    public ImmutableArray<string> NodeCodes { get; }

    public FrozenDictionary<string, int> NodePosition { get; }

    public ImmutableArray<int> NodeLevels { get; }

    public Normaliser[] Normalisers { get; }

    public bool HasReferenceUnit { get; }

    /// <summary>The normaliser plans when no indicator names a reference unit (then they fit every dataset); otherwise null.</summary>
    public NormaliserPlan[]? SharedPlans { get; }

    /// <summary>The nominal weights per edge, the array behind <see cref="NominalWeights"/> (never written).</summary>
    public double[] NominalWeightArray { get; }

    /// <summary>Per node: the method name the log reports (the methodology's; a workspace may override).</summary>
    public string[] NodeMethodNames { get; }

    public int[] ChildStart { get; }

    public int[] ChildNode { get; }

    public double[] ChildSign { get; }

    public AggregatorPlan[] AggregatorPlans { get; }

    public double[] Thresholds { get; }

    public string[][] ChildCodes { get; }

    public int MaxChildren { get; }

    public ImmutableArray<double> NominalWeights { get; }

    public ImmutableArray<WeightEdge> Edges { get; }

    public ImmutableArray<int> EdgeChildLevels { get; }

    /// <summary>The methodology's own validation (<see cref="Methodology.Validate"/>), made once.</summary>
    public ValidationReport Validation { get; }
}
