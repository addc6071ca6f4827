using System.Globalization;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.MethodText;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Internal.Localization;

namespace ProvinceIct.Indicators.Treatment;

/// <summary>
/// The base of a user-defined imputer: derive from it in one record, give the method text in the constructor and write
/// the rule in <see cref="Fill"/>; register a factory by name (<c>Methods.MethodRegistry.WithImputer</c>, or an
/// <c>IMethodPlugin</c>) to read it in treatment steps (<c>impute(name,args)</c>) from a methodology's JSON, the CLI
/// (<c>--steps</c>, <c>--plugin</c>) and uncertainty choices. Its parameters should be get-only and validated in the
/// constructor (with <see cref="ValidationException.InvalidParameter(string, string, string, string)"/>), as for the
/// built-in methods.
/// <para>
/// Contract of the rule: it receives the whole dataset (for groups and other columns), the indicator's code, the column
/// as given (NaN for missing) and a copy of it to fill. It may set missing values of the copy to a number or leave them
/// NaN; each missing value is then logged as imputed, or as <see cref="ImputationOutcome.NoData"/> when left NaN. A
/// present value must not change, and an imputed value must be finite: either is a <see cref="CalculationException"/>
/// naming the unit and the indicator.
/// </para>
/// </summary>
public abstract record CustomImputer : Imputer
{
    private readonly MethodCall _call;

    /// <summary>Creates the imputer with its method text (name and parameters), which <see cref="ToMethodCall"/> returns.</summary>
    /// <param name="call">The method text, for example <c>MethodCall.Create("nearest-year")</c>.</param>
    protected CustomImputer(MethodCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        _call = call;
    }

    /// <inheritdoc/>
    public sealed override string Name => _call.Name;

    /// <inheritdoc/>
    public sealed override MethodCall ToMethodCall() => _call;

    /// <inheritdoc/>
    private protected sealed override ImputationMethod LogMethod => ImputationMethod.Custom;

    /// <summary>The rule: fills missing values of one column (see the class's contract).</summary>
    /// <param name="dataset">The dataset being imputed, as it was before this imputer.</param>
    /// <param name="indicatorCode">The indicator whose column is filled.</param>
    /// <param name="column">The column as given, NaN for missing.</param>
    /// <param name="values">A copy of the column; set its missing values.</param>
    protected abstract void Fill(Dataset dataset, string indicatorCode, ReadOnlySpan<double> column, Span<double> values);

    /// <inheritdoc/>
    private protected sealed override void Impute(Dataset dataset, int column, double[] values, Action<int, double, ImputationOutcome> log)
    {
        var code = dataset.IndicatorCodes[column];
        var original = dataset.Column(column);
        Fill(dataset, code, original, values);
        for (var i = 0; i < values.Length; i++)
        {
            var before = original[i];
            var after = values[i];
            if (!double.IsNaN(before))
            {
                if (BitConverter.DoubleToInt64Bits(before) != BitConverter.DoubleToInt64Bits(after))
                {
                    throw new CalculationException(ProblemCode.InvalidParameter,
                        new ProblemText("Calc_ImputerChangedPresent", ToString(), dataset.Units[i].Code, code, Number(before), Number(after)),
                        code, dataset.Units[i].Code, value: after);
                }

                continue;
            }

            if (double.IsInfinity(after))
            {
                throw new CalculationException(ProblemCode.NonFiniteValue,
                    new ProblemText("Calc_ImputerNonFinite", ToString(), dataset.Units[i].Code, Number(after), code),
                    code, dataset.Units[i].Code, value: after);
            }

            log(i, after, double.IsNaN(after) ? ImputationOutcome.NoData : ImputationOutcome.Imputed);
        }
    }

    private static string Number(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
