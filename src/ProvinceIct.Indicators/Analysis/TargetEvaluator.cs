using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Analysis;

/// <summary>
/// Evaluates one unit's index score and rank at proposed values of some of its indicators, everything else fixed: the
/// search loop of <see cref="TargetSeeking"/> and <see cref="BudgetTargetSeeking"/>. Without treatment steps it changes
/// the values in a workspace's own copy of the compiled raw values and reruns the compiled pipeline (no allocation per
/// evaluation); with treatment steps (which depend on the values) it recomputes the whole index. Values the methods
/// cannot compute on (for example a min-max column made constant) give (NaN, NaN): the pipeline reports them through
/// <see cref="CompiledIndex.TryRun"/>'s result, not by an exception the search would catch.
/// </summary>
internal sealed class TargetEvaluator
{
    private readonly Methodology _methodology;
    private readonly Dataset _dataset;
    private readonly string _unitCode;
    private readonly string[] _codes;
    private readonly CompiledIndex? _compiled;
    private readonly IndexWorkspace? _workspace;
    private readonly double[] _raw = [];
    private readonly int[] _cells = [];
    private readonly int _unitRow;
    private readonly CancellationToken _cancellation;

    /// <summary>Creates the evaluator; <paramref name="cancellation"/> is checked before every evaluation.</summary>
    public TargetEvaluator(Methodology methodology, Dataset dataset, string unitCode, string[] codes, double[] current, CancellationToken cancellation = default)
    {
        _cancellation = cancellation;
        _methodology = methodology;
        _dataset = dataset;
        _unitCode = unitCode;
        _codes = codes;
        if (methodology.Treatment.IsEmpty)
        {
            // Without treatment steps the compiled raw values are the dataset's: change them in place between runs.
            _compiled = IndexCalculator.Compile(methodology, dataset);
            _workspace = _compiled.CreateWorkspace();
            _raw = _workspace.UseOwnRawValues();
            var n = _compiled.UnitCount;
            _unitRow = dataset.IndexOfUnit(unitCode);
            _cells = [.. codes.Select(c => (_compiled.NodeCodes.IndexOf(c) * n) + _unitRow)];
            for (var i = 0; i < _cells.Length; i++)
            {
                _raw[_cells[i]] = current[i];
            }
        }
    }

    public int Evaluations { get; private set; }

    public (double Score, double Rank) Evaluate(ReadOnlySpan<double> values)
    {
        _cancellation.ThrowIfCancellationRequested();
        Evaluations++;
        if (_compiled is not null)
        {
            for (var i = 0; i < _cells.Length; i++)
            {
                _raw[_cells[i]] = values[i];
            }

            return Score(_compiled, _workspace!, _unitRow);
        }

        var changed = _dataset;
        for (var i = 0; i < _codes.Length; i++)
        {
            changed = changed.WithValue(_unitCode, _codes[i], values[i]);
        }

        // Treatment steps run when the index is compiled, and may themselves refuse the new values (a Box-Cox step
        // meeting zero, screening that leaves no unit): that refusal, too, is a result.
        var compiled = IndexCalculator.TryCompile(_methodology, changed);
        if (!compiled.TryGetValue(out var index))
        {
            return (double.NaN, double.NaN);
        }

        var row = index.UnitCodes.IndexOf(_unitCode);
        return row < 0 ? (double.NaN, double.NaN) : Score(index, index.CreateWorkspace(), row);
    }

    /// <summary>The unit's index score and rank after one run, or (NaN, NaN) when the methods cannot compute on the values.</summary>
    private static (double Score, double Rank) Score(CompiledIndex compiled, IndexWorkspace workspace, int row)
    {
        if (!compiled.TryRun(workspace).Success)
        {
            return (double.NaN, double.NaN);
        }

        var index = compiled.NodeCount - 1;
        return (workspace.NodeScores(index)[row], workspace.NodeRanks(index)[row]);
    }
}
