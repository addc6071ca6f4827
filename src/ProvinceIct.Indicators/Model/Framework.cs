using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Definitions;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Internal.Localization;

namespace ProvinceIct.Indicators.Model;

/// <summary>
/// The tree of an index: indicators at level 1, aggregates above, any depth, one root (the index). Immutable and
/// validated on creation (see <see cref="Validate"/>): unique codes, one root, every parent exists, no cycle,
/// indicators are leaves, every aggregate has children, weights finite and non-negative and not all zero among
/// siblings. A node's level is 1 for an indicator and 1 + the highest level of its children for an aggregate.
/// </summary>
public sealed class Framework
{
    private readonly Dictionary<string, int> _index; // read-only after construction (a frozen dictionary costs more to make than a framework's reads save)
    private readonly ImmutableArray<ImmutableArray<int>> _children;
    private readonly int[] _levels;

    private Framework(ImmutableArray<FrameworkNode> nodes)
    {
        Nodes = nodes;
        _index = new Dictionary<string, int>(nodes.Length, StringComparer.Ordinal);
        for (var i = 0; i < nodes.Length; i++)
        {
            _index.Add(nodes[i].Code, i);
        }

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
        ComputeLevels(root);
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

    /// <summary>
    /// Creates a framework from nodes that <see cref="Validate"/> has just found valid (a reader that reports the problems
    /// itself), without validating them a second time.
    /// </summary>
    /// <param name="nodes">The nodes, valid.</param>
    /// <returns>The framework.</returns>
    internal static Framework CreateValidated(ImmutableArray<FrameworkNode> nodes) => new(nodes);

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
                problems.Add(new ValidationProblem(ProblemCode.DuplicateNode, new ProblemText("Fw_DuplicateNode", n.Code)) { IndicatorCode = n.Code, ExpectedText = new ProblemText("Fw_ExpectedUniqueNodes"), Found = n.Code });
            }
        }

        if (list.Count == 0)
        {
            problems.Add(new ValidationProblem(ProblemCode.EmptyInput, new ProblemText("Fw_Empty")) { ExpectedText = new ProblemText("Fw_ExpectedTwoNodes"), FoundText = new ProblemText("Fw_FoundNoNodes") });
            return ValidationReport.Of(problems);
        }

        var roots = list.Where(n => n.ParentCode is null).ToList();
        if (roots.Count == 0)
        {
            problems.Add(new ValidationProblem(ProblemCode.NoRoot, new ProblemText("Fw_NoRoot")) { ExpectedText = new ProblemText("Fw_ExpectedOneRoot"), FoundText = new ProblemText("Found_None") });
        }
        else if (roots.Count > 1)
        {
            problems.Add(new ValidationProblem(ProblemCode.MultipleRoots, new ProblemText("Fw_MultipleRoots", string.Join(", ", roots.Select(r => r.Code)))) { ExpectedText = new ProblemText("Fw_ExpectedOneRoot"), Found = string.Join(", ", roots.Select(r => r.Code)) });
        }

        foreach (var r in roots.Where(r => r.IsIndicator))
        {
            problems.Add(new ValidationProblem(ProblemCode.OrphanNode, new ProblemText("Fw_IndicatorWithoutParent", r.Code)) { IndicatorCode = r.Code, ExpectedText = new ProblemText("Fw_ExpectedParentAggregate"), FoundText = new ProblemText("Fw_FoundNoParent") });
        }

        // Per existing parent, in the order parents are first named: how many children, and whether every child's weight is
        // finite and not negative with none above zero (then the weights sum to zero).
        var childCount = new Dictionary<string, int>(StringComparer.Ordinal);
        var zeroSum = new Dictionary<string, bool>(StringComparer.Ordinal);
        var parentOrder = new List<string>();
        foreach (var n in list)
        {
            if (n.ParentCode is not { } p)
            {
                continue;
            }

            if (!byCode.TryGetValue(p, out var parent))
            {
                problems.Add(new ValidationProblem(ProblemCode.OrphanNode, new ProblemText("Fw_ParentMissing", n.Code, p)) { IndicatorCode = n.Code, ExpectedText = new ProblemText("Fw_ExpectedExistingParent"), Found = p });
                continue;
            }

            if (parent.IsIndicator)
            {
                problems.Add(new ValidationProblem(ProblemCode.IndicatorWithChildren, new ProblemText("Fw_IndicatorParent", n.Code, p)) { IndicatorCode = p, ExpectedText = new ProblemText("Fw_ExpectedAggregateParent"), FoundText = new ProblemText("Fw_FoundIndicator", p) });
            }

            var count = childCount.GetValueOrDefault(p);
            if (count == 0)
            {
                parentOrder.Add(p);
            }

            childCount[p] = count + 1;
            zeroSum[p] = (count == 0 || zeroSum[p]) && n.Weight == 0;
        }

        foreach (var n in list.Where(n => !n.IsIndicator && !childCount.ContainsKey(n.Code)))
        {
            problems.Add(new ValidationProblem(ProblemCode.AggregateWithoutChildren, new ProblemText("Fw_NoChildren", n.Code)) { IndicatorCode = n.Code, ExpectedText = new ProblemText("Fw_ExpectedChild"), FoundText = new ProblemText("Found_None") });
        }

        ReportCycles(list, byCode, problems);

        foreach (var n in list)
        {
            if (n.ParentCode is null)
            {
                continue;
            }

            if (!double.IsFinite(n.Weight))
            {
                problems.Add(new ValidationProblem(ProblemCode.NonFiniteWeight, new ProblemText("Fw_NonFiniteWeight", n.Code)) { IndicatorCode = n.Code, ExpectedText = new ProblemText("Fw_ExpectedFiniteWeight"), Found = Fmt(n.Weight) });
            }
            else if (n.Weight < 0)
            {
                problems.Add(new ValidationProblem(ProblemCode.NegativeWeight, new ProblemText("Fw_NegativeWeight", n.Code)) { IndicatorCode = n.Code, ExpectedText = new ProblemText("Fw_ExpectedWeight"), Found = Fmt(n.Weight) });
            }

            if (n.AvailabilityThreshold is { } t && !(t >= 0 && t <= 1))
            {
                problems.Add(new ValidationProblem(ProblemCode.InvalidParameter, new ProblemText("Fw_Availability", n.Code)) { IndicatorCode = n.Code, ExpectedText = new ProblemText("Kind_Share"), Found = Fmt(t) });
            }
        }

        foreach (var p in parentOrder)
        {
            // Finite, not negative weights sum to zero exactly when every one is zero.
            if (zeroSum[p])
            {
                var children = list.Where(n => string.Equals(n.ParentCode, p, StringComparison.Ordinal)).Select(n => n.Code);
                problems.Add(new ValidationProblem(ProblemCode.ZeroWeightSum, new ProblemText("Fw_ZeroWeightSum", p)) { IndicatorCode = p, ExpectedText = new ProblemText("Fw_ExpectedWeightSum"), Found = "0 (" + string.Join(", ", children) + ")" });
            }
        }

        return ValidationReport.Of(problems);
    }

    private static string Fmt(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// Levels bottom-up without recursion (a deep chain must not exhaust the stack): a post-order walk from the root
    /// with an explicit stack, each node visited twice (once going down, once coming back up), so O(n).
    /// </summary>
    private void ComputeLevels(int root)
    {
        var stack = new Stack<(int Node, bool Up)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, up) = stack.Pop();
            if (up)
            {
                var level = 1;
                foreach (var c in _children[node])
                {
                    level = Math.Max(level, _levels[c] + 1);
                }

                _levels[node] = level;
                continue;
            }

            stack.Push((node, true));
            foreach (var c in _children[node])
            {
                stack.Push((c, false));
            }
        }
    }

    /// <summary>
    /// Reports every cycle once, in O(n): each node has at most one parent, so following parents from a node either
    /// ends at the root, at a node already known to be cycle-free (or already reported), or comes back to a node of
    /// the current walk, which closes a cycle. Every node is walked over at most once across all starts.
    /// The cycle is listed from the node where the walk entered it, as the walk met it.
    /// </summary>
    private static void ReportCycles(List<FrameworkNode> list, Dictionary<string, FrameworkNode> byCode, List<ValidationProblem> problems)
    {
        // 0 or absent: not visited; a positive value: on the walk started from the node with that 1-based index; -1: done.
        var state = new Dictionary<string, int>(byCode.Count, StringComparer.Ordinal);
        var path = new List<string>();
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var start = 0; start < list.Count; start++)
        {
            var walk = start + 1;
            var current = list[start];
            if (state.GetValueOrDefault(current.Code) != 0)
            {
                continue;
            }

            path.Clear();
            position.Clear();
            state[current.Code] = walk;
            position[current.Code] = 0;
            path.Add(current.Code);
            while (current.ParentCode is { } p && byCode.TryGetValue(p, out var parent))
            {
                var s = state.GetValueOrDefault(parent.Code);
                if (s == walk)
                {
                    var cycle = path.Skip(position[parent.Code]).ToList();
                    problems.Add(new ValidationProblem(ProblemCode.FrameworkCycle, new ProblemText("Fw_Cycle", DescribeCycle(cycle, parent.Code))) { IndicatorCode = parent.Code, ExpectedText = new ProblemText("Fw_ExpectedTree"), FoundText = new ProblemText("Fw_FoundCycle", cycle.Count.ToString(CultureInfo.InvariantCulture)) });
                    break;
                }

                if (s != 0)
                {
                    break;
                }

                state[parent.Code] = walk;
                position[parent.Code] = path.Count;
                path.Add(parent.Code);
                current = parent;
            }

            foreach (var code in path)
            {
                state[code] = -1;
            }
        }
    }

    /// <summary>The cycle as <c>a -> b -> c -> a</c>; a long cycle keeps its first and last ten nodes around an ellipsis.</summary>
    private static string DescribeCycle(List<string> cycle, string closing)
    {
        const int Keep = 10;
        var shown = cycle.Count <= 2 * Keep
            ? cycle
            : [.. cycle.Take(Keep), "... (" + (cycle.Count - (2 * Keep)).ToString(CultureInfo.InvariantCulture) + " more)", .. cycle.Skip(cycle.Count - Keep)];
        return string.Join(" -> ", shown) + " -> " + closing;
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
            w *= Internal.WeightShares.Share(node.Weight, _children[IndexOf(p)].Select(i => Nodes[i].Weight));
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
