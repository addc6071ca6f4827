using System.Globalization;
using ProvinceIct.Indicators.Errors;
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
                AmbiguousProvinceException => $"ambiguous: it names {ex.Candidates.Length.ToString(CultureInfo.InvariantCulture)} provinces of {geography}",
                ProvinceNotFoundException { FormerProvince: { } former } => $"{former} of {ProvinceGeography.Provinces2016}, which is not a unit of {geography}",
                _ => $"not a GSO code or province name of {geography}",
            };
            var suggestion = ex.Candidates.IsEmpty ? "." : "; did you mean " + string.Join(", ", ex.Candidates) + "?";
            problem = new ValidationProblem(ProblemCode.UnknownValue, $"The unit '{text}' on line {Num(line)}, column {Num(column)} ('{header}') is {what}{suggestion}")
            {
                Source = source,
                Row = line,
                Column = column,
                UnitCode = text,
                Expected = "a GSO code or a province name of " + geography + (ex.Candidates.IsEmpty ? string.Empty : " (closest: " + string.Join(", ", ex.Candidates) + ")"),
                Found = text,
            };
            return null;
        }
    }

    private static string Num(int x) => x.ToString(CultureInfo.InvariantCulture);
}
