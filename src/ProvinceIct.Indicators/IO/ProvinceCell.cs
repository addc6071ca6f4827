using System.Globalization;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Internal.Localization;
using ProvinceIct.Indicators.Geography;

namespace ProvinceIct.Indicators.IO;

/// <summary>Resolves a unit cell of a CSV file (a GSO code or any spelling of a province name) through a province catalogue.</summary>
internal static class ProvinceCell
{
    /// <summary>
    /// Matches <paramref name="text"/> in <paramref name="geography"/>; on failure returns an
    /// <see cref="ProblemCode.UnknownValue"/> problem naming the source, line, column, text and closest candidates.
    /// </summary>
    public static Province? Resolve(string text, ProvinceGeography geography, ProvinceCatalog? catalog, string source, int line, int column, string header, out ValidationProblem? problem)
    {
        problem = null;
        try
        {
            return (catalog ?? ProvinceCatalog.Default).Match(text, geography);
        }
        catch (ProvinceMatchException ex)
        {
            var what = ex switch
            {
                AmbiguousProvinceException => new ProblemText("Province_Ambiguous", ex.Candidates.Length.ToString(CultureInfo.InvariantCulture), ProvinceCatalog.NameOf(geography)),
                ProvinceNotFoundException { FormerProvince: { } former } => new ProblemText("Province_Former", former.ToString(), ProvinceCatalog.NameOf(ProvinceGeography.Provinces2016), ProvinceCatalog.NameOf(geography)),
                _ => new ProblemText("Province_NotFound", ProvinceCatalog.NameOf(geography)),
            };
            var suggestion = ex.Candidates.IsEmpty ? new ProblemText("Province_NoSuggestion") : new ProblemText("Province_DidYouMean", string.Join(", ", ex.Candidates));
            problem = new ValidationProblem(ProblemCode.UnknownValue, new ProblemText("Province_Unknown", text, Num(line), Num(column), header, what, suggestion))
            {
                Source = source,
                Row = line,
                Column = column,
                UnitCode = text,
                ExpectedText = ex.Candidates.IsEmpty
                    ? new ProblemText("Province_Expected", ProvinceCatalog.NameOf(geography))
                    : new ProblemText("Province_ExpectedClosest", ProvinceCatalog.NameOf(geography), string.Join(", ", ex.Candidates)),
                Found = text,
            };
            return null;
        }
    }

    private static string Num(int x) => x.ToString(CultureInfo.InvariantCulture);
}
