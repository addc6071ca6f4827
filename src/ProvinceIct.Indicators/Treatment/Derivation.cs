using System.Globalization;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Internal.Localization;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Treatment;

/// <summary>Builds a dataset of derived indicator columns from a source dataset (denomination).</summary>
public static class Derivation
{
    /// <summary>
    /// Computes each recipe for every unit. Missing policy: a missing numerator or denominator gives a missing value.
    /// A zero denominator under a present numerator is an error (never a silent infinity), as is a source column that
    /// does not exist; every problem is reported at once.
    /// </summary>
    /// <param name="source">The source dataset.</param>
    /// <param name="recipes">The columns to make, in output order.</param>
    /// <returns>A dataset with the same units and only the derived columns.</returns>
    /// <exception cref="ValidationException">With every missing source column and every zero denominator (unit, column).</exception>
    public static Dataset Apply(Dataset source, IEnumerable<DerivedColumn> recipes)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(recipes);
        var list = recipes.ToList();
        var problems = new List<ValidationProblem>();
        foreach (var r in list)
        {
            foreach (var col in new[] { r.Numerator, r.Denominator }.OfType<string>().Where(c => !source.HasIndicator(c)))
            {
                problems.Add(new ValidationProblem(ProblemCode.MissingColumn, new ProblemText("Derive_MissingColumn", col, r.Code)) { IndicatorCode = r.Code, ExpectedText = new ProblemText("Expected_ColumnNamed", col), FoundText = new ProblemText("Found_None") });
            }
        }

        ValidationReport.Of(problems).ThrowIfInvalid("derivation");
        var n = source.UnitCount;
        var columns = new List<KeyValuePair<string, double[]>>(list.Count);
        foreach (var r in list)
        {
            var num = source.Column(r.Numerator);
            var values = new double[n];
            if (r.Denominator is null)
            {
                num.CopyTo(values);
            }
            else
            {
                var den = source.Column(r.Denominator);
                for (var i = 0; i < n; i++)
                {
                    if (double.IsNaN(num[i]) || double.IsNaN(den[i]))
                    {
                        values[i] = double.NaN;
                    }
                    else if (den[i] == 0)
                    {
                        problems.Add(new ValidationProblem(ProblemCode.InvalidParameter, new ProblemText("Derive_ZeroDenominator", r.Code, source.Units[i].Code, r.Denominator))
                        { Row = i + 1, UnitCode = source.Units[i].Code, IndicatorCode = r.Code, ExpectedText = new ProblemText("Derive_ExpectedNonZero"), Found = "0" });
                    }
                    else
                    {
                        values[i] = r.Scale * num[i] / den[i];
                    }
                }
            }

            columns.Add(KeyValuePair.Create(r.Code, values));
        }

        ValidationReport.Of(problems).ThrowIfInvalid("derivation");
        return Dataset.FromColumns(source.Units, columns);
    }

    /// <summary>Formats a recipe list, one per line (for logs and docs).</summary>
    /// <param name="recipes">The recipes.</param>
    /// <returns>The text.</returns>
    public static string Describe(IEnumerable<DerivedColumn> recipes) =>
        string.Join("\n", (recipes ?? throw new ArgumentNullException(nameof(recipes))).Select(r => r.ToString().ToString(CultureInfo.InvariantCulture)));
}
