using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Analysis;

/// <summary>
/// Evaluates one unit's index score and rank at proposed values of some of its indicators, everything else fixed: the
/// search loop of <see cref="TargetSeeking"/> and <see cref="BudgetTargetSeeking"/>. Without treatment steps it changes
/// the values in a workspace's own copy of the compiled raw values and reruns the compiled pipeline (no allocation per
/// evaluation); with treatment steps (which depend on the values) it recomputes the whole index. A
/// <see cref="Errors.CalculationException"/> (for example a min-max column made constant) gives (NaN, NaN).
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
        try
        {
            if (_compiled is not null)
            {
                for (var i = 0; i < _cells.Length; i++)
                {
                    _raw[_cells[i]] = values[i];
                }

                _compiled.Run(_workspace!);
                var index = _compiled.NodeCount - 1;
                return (_workspace!.NodeScores(index)[_unitRow], _workspace.NodeRanks(index)[_unitRow]);
            }

            var changed = _dataset;
            for (var i = 0; i < _codes.Length; i++)
            {
                changed = changed.WithValue(_unitCode, _codes[i], values[i]);
            }

            var r = IndexCalculator.Compute(_methodology, changed);
            return (r.Score(_unitCode), r.Rank(_unitCode));
        }
        catch (Errors.CalculationException)
        {
            // For example a min-max column made constant by the new values: no score there.
            return (double.NaN, double.NaN);
        }
    }
}
