using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Errors;

namespace ProvinceIct.Indicators.Model;

/// <summary>
/// The tree of an index: indicators at level 1, aggregates above, any depth, one root (the index). Immutable and
/// validated on creation (see <see cref="Validate"/>): unique codes, one root, every parent exists, no cycle,
/// indicators are leaves, every aggregate has children, weights finite and non-negative and not all zero among
/// siblings. A node's level is 1 for an indicator and 1 + the highest level of its children for an aggregate.
/// </summary>
public sealed class Framework
{
    private readonly FrozenDictionary<string, int> _index;
    private readonly ImmutableArray<ImmutableArray<int>> _children;
    private readonly int[] _levels;

    private Framework(ImmutableArray<FrameworkNode> nodes)
    {
        Nodes = nodes;
        _index = nodes.Select((n, i) => KeyValuePair.Create(n.Code, i)).ToFrozenDictionary(StringComparer.Ordinal);
        var children = new List<int>[nodes.Length];
        for (var i = 0; i < nodes.Length; i++)
        {
            children[i] = [];
        }

        var root = -1;
        for (var i = 0; i < nodes.Length; i++)
        {
            if (nodes[i].ParentCode is { } p)
            {
                children[_index[p]].Add(i);
            }
            else
            {
                root = i;
            }
        }

        _children = children.Select(c => c.ToImmutableArray()).ToImmutableArray();
        Root = nodes[root];
        _levels = new int[nodes.Length];
        ComputeLevel(root);
        Indicators = nodes.Where(n => n.IsIndicator).Select(n => n.Indicator!).ToImmutableArray();
        Aggregates = nodes.Where(n => !n.IsIndicator).ToImmutableArray();
        MaxLevel = _levels.Max();
    }

    /// <summary>Creates a framework, validating it.</summary>
    /// <param name="nodes">The nodes, in any order; their order is kept for display.</param>
    /// <returns>The framework.</returns>
    /// <exception cref="ValidationException">With every problem found, when the nodes do not form a valid tree.</exception>
    public static Framework Create(IEnumerable<FrameworkNode> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var array = nodes.ToImmutableArray();
        Validate(array).ThrowIfInvalid("framework");
        return new Framework(array);
    }

    /// <summary>Checks whether nodes form a valid framework, reporting every problem at once.</summary>
    /// <param name="nodes">The nodes.</param>
    /// <returns>The report; valid when the nodes can form a framework.</returns>
    public static ValidationReport Validate(IEnumerable<FrameworkNode> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var list = nodes.ToList();
        var problems = new List<ValidationProblem>();
        var byCode = new Dictionary<string, FrameworkNode>(StringComparer.Ordinal);
        foreach (var n in list)
        {
            if (n is null)
            {
                throw new ArgumentException("Framework nodes must not be null.", nameof(nodes));
            }

            if (!byCode.TryAdd(n.Code, n))
            {
                problems.Add(new ValidationProblem(ProblemCode.DuplicateNode, $"Node code '{n.Code}' appears more than once.") { IndicatorCode = n.Code, Expected = "unique node codes", Found = n.Code });
            }
        }

        if (list.Count == 0)
        {
            problems.Add(new ValidationProblem(ProblemCode.EmptyInput, "A framework needs at least one indicator and an index node.") { Expected = "at least two nodes", Found = "0 nodes" });
            return ValidationReport.Of(problems);
        }

        var roots = list.Where(n => n.ParentCode is null).ToList();
        if (roots.Count == 0)
        {
            problems.Add(new ValidationProblem(ProblemCode.NoRoot, "No node is the index (every node names a parent).") { Expected = "exactly one node without a parent", Found = "none" });
        }
        else if (roots.Count > 1)
        {
            problems.Add(new ValidationProblem(ProblemCode.MultipleRoots, "More than one node has no parent: " + string.Join(", ", roots.Select(r => r.Code)) + ".") { Expected = "exactly one node without a parent", Found = string.Join(", ", roots.Select(r => r.Code)) });
        }

        foreach (var r in roots.Where(r => r.IsIndicator))
        {
            problems.Add(new ValidationProblem(ProblemCode.OrphanNode, $"Indicator '{r.Code}' has no parent aggregate.") { IndicatorCode = r.Code, Expected = "a parent aggregate", Found = "no parent" });
        }

        var childCount = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var n in list)
        {
            if (n.ParentCode is not { } p)
            {
                continue;
            }

            if (!byCode.TryGetValue(p, out var parent))
            {
                problems.Add(new ValidationProblem(ProblemCode.OrphanNode, $"Node '{n.Code}' names parent '{p}', which does not exist.") { IndicatorCode = n.Code, Expected = "an existing parent node", Found = p });
                continue;
            }

            if (parent.IsIndicator)
            {
                problems.Add(new ValidationProblem(ProblemCode.IndicatorWithChildren, $"Node '{n.Code}' names indicator '{p}' as its parent; indicators must be leaves.") { IndicatorCode = p, Expected = "an aggregate parent", Found = "indicator " + p });
            }

            childCount[p] = childCount.GetValueOrDefault(p) + 1;
        }

        foreach (var n in list.Where(n => !n.IsIndicator && !childCount.ContainsKey(n.Code)))
        {
            problems.Add(new ValidationProblem(ProblemCode.AggregateWithoutChildren, $"Aggregate '{n.Code}' has no children.") { IndicatorCode = n.Code, Expected = "at least one child", Found = "none" });
        }

        // Cycles: follow parents from every node; a node seen twice on one walk closes a cycle, reported once.
        var reportedCycles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var n in list)
        {
            var path = new List<string> { n.Code };
            var seen = new HashSet<string>(StringComparer.Ordinal) { n.Code };
            var current = n;
            while (current.ParentCode is { } p && byCode.TryGetValue(p, out var parent))
            {
                if (!seen.Add(parent.Code))
                {
                    var cycle = path.Skip(path.IndexOf(parent.Code)).ToList();
                    var key = string.Join(",", cycle.Order(StringComparer.Ordinal));
                    if (reportedCycles.Add(key))
                    {
                        problems.Add(new ValidationProblem(ProblemCode.FrameworkCycle, "Nodes form a cycle: " + string.Join(" -> ", cycle) + " -> " + parent.Code + ".") { IndicatorCode = parent.Code, Expected = "a tree without cycles", Found = "a cycle" });
                    }

                    break;
                }

                path.Add(parent.Code);
                current = parent;
            }
        }

        foreach (var n in list)
        {
            if (n.ParentCode is null)
            {
                continue;
            }

            if (!double.IsFinite(n.Weight))
            {
                problems.Add(new ValidationProblem(ProblemCode.NonFiniteWeight, $"Node '{n.Code}' has a weight that is not a finite number.") { IndicatorCode = n.Code, Expected = "a finite weight >= 0", Found = Fmt(n.Weight) });
            }
            else if (n.Weight < 0)
            {
                problems.Add(new ValidationProblem(ProblemCode.NegativeWeight, $"Node '{n.Code}' has a negative weight.") { IndicatorCode = n.Code, Expected = "a weight >= 0", Found = Fmt(n.Weight) });
            }

            if (n.AvailabilityThreshold is { } t && !(t >= 0 && t <= 1))
            {
                problems.Add(new ValidationProblem(ProblemCode.InvalidParameter, $"Node '{n.Code}' has an availability threshold outside [0, 1].") { IndicatorCode = n.Code, Expected = "a share in [0, 1]", Found = Fmt(t) });
            }
        }

        foreach (var group in list.Where(n => n.ParentCode is not null && byCode.ContainsKey(n.ParentCode)).GroupBy(n => n.ParentCode!, StringComparer.Ordinal))
        {
            if (group.All(n => double.IsFinite(n.Weight) && n.Weight >= 0) && group.Sum(n => n.Weight) <= 0)
            {
                problems.Add(new ValidationProblem(ProblemCode.ZeroWeightSum, $"The weights of the children of '{group.Key}' sum to zero.") { IndicatorCode = group.Key, Expected = "children's weights summing to more than 0", Found = "0 (" + string.Join(", ", group.Select(g => g.Code)) + ")" });
            }
        }

        return ValidationReport.Of(problems);
    }

    private static string Fmt(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    private int ComputeLevel(int node)
    {
        var level = 1;
        foreach (var c in _children[node])
        {
            level = Math.Max(level, ComputeLevel(c) + 1);
        }

        _levels[node] = level;
        return level;
    }

    /// <summary>All nodes, in the order given at creation.</summary>
    public ImmutableArray<FrameworkNode> Nodes { get; }

    /// <summary>The root node: the index.</summary>
    public FrameworkNode Root { get; }

    /// <summary>The index code (the root's code).</summary>
    public string IndexCode => Root.Code;

    /// <summary>The indicator definitions of the leaves, in node order.</summary>
    public ImmutableArray<IndicatorDefinition> Indicators { get; }

    /// <summary>The aggregate nodes, in node order.</summary>
    public ImmutableArray<FrameworkNode> Aggregates { get; }

    /// <summary>The root's level (the number of levels of the tree).</summary>
    public int MaxLevel { get; }

    /// <summary>Whether a node with this code exists.</summary>
    /// <param name="code">The code.</param>
    /// <returns>True when it exists.</returns>
    public bool Contains(string code) => _index.ContainsKey(code);

    /// <summary>The node with this code.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The node.</returns>
    /// <exception cref="KeyNotFoundException">When no node has this code.</exception>
    public FrameworkNode this[string code] => Nodes[IndexOf(code)];

    /// <summary>The position of the node with this code in <see cref="Nodes"/>.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The position.</returns>
    /// <exception cref="KeyNotFoundException">When no node has this code.</exception>
    public int IndexOf(string code) =>
        _index.TryGetValue(code, out var i) ? i : throw new KeyNotFoundException($"The framework has no node '{code}'.");

    /// <summary>The children of a node, in node order (empty for an indicator).</summary>
    /// <param name="code">The node code.</param>
    /// <returns>The children.</returns>
    public IEnumerable<FrameworkNode> Children(string code) => _children[IndexOf(code)].Select(i => Nodes[i]);

    /// <summary>The level of a node: 1 for an indicator, 1 + the highest child level for an aggregate.</summary>
    /// <param name="code">The node code.</param>
    /// <returns>The level.</returns>
    public int Level(string code) => _levels[IndexOf(code)];

    /// <summary>
    /// The effective weight of a node in the index: the product, from the node up to the root, of each node's weight
    /// divided by the sum of its siblings' weights. The root's effective weight is 1; the indicators' sum to 1.
    /// </summary>
    /// <param name="code">The node code.</param>
    /// <returns>The effective weight.</returns>
    public double EffectiveWeight(string code)
    {
        var node = this[code];
        var w = 1.0;
        while (node.ParentCode is { } p)
        {
            w *= Weighting.Weights.Share(node.Weight, _children[IndexOf(p)].Select(i => Nodes[i].Weight));
            node = this[p];
        }

        return w;
    }

    /// <summary>Returns a copy with one node's weight changed.</summary>
    /// <param name="code">The node code.</param>
    /// <param name="weight">The new weight.</param>
    /// <returns>The new framework.</returns>
    /// <exception cref="ValidationException">When the new weight makes the framework invalid.</exception>
    public Framework WithWeight(string code, double weight) => Replace(this[code] with { Weight = weight });

    /// <summary>Returns a copy with one node replaced by another of the same code.</summary>
    /// <param name="node">The replacement node.</param>
    /// <returns>The new framework.</returns>
    /// <exception cref="ValidationException">When the replacement makes the framework invalid.</exception>
    public Framework Replace(FrameworkNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var i = IndexOf(node.Code);
        return Create(Nodes.SetItem(i, node));
    }

    /// <summary>Formats as <c>Framework index: 12 indicators, 5 aggregates, 3 levels</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        $"Framework {IndexCode}: {Indicators.Length.ToString(CultureInfo.InvariantCulture)} indicators, {Aggregates.Length.ToString(CultureInfo.InvariantCulture)} aggregates, {MaxLevel.ToString(CultureInfo.InvariantCulture)} levels";
}
