using System.Globalization;

namespace ProvinceIct.Indicators.Reporting;

/// <summary>
/// Options of the reports and ranking tables meant for readers (<see cref="HtmlReport"/>, <see cref="RankingTable"/>):
/// the culture of their texts and numbers. The culture chooses the language of headings, table headers, captions and
/// notes (English, the neutral language, and Vietnamese are built in; any other language falls back to English) and
/// the number format of the scores and ranks shown (<c>72.31</c> invariant, <c>72,31</c> in <c>vi-VN</c>). Names from
/// the data (units, indicators, pillars) are shown as given; a pillar's Vietnamese name is used in Vietnamese when the
/// framework has one. Machine-readable forms (CSV keys, JSON, full-precision CSV numbers) never change with the
/// culture. The culture is passed explicitly: the current thread's culture is never read. Immutable.
/// </summary>
public sealed class ReportOptions
{
    /// <summary>Creates options.</summary>
    /// <param name="culture">The culture of texts and numbers; <see cref="CultureInfo.InvariantCulture"/> gives English with invariant numbers.</param>
    /// <exception cref="ArgumentNullException">When <paramref name="culture"/> is null.</exception>
    public ReportOptions(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        Culture = culture;
        TableOptions = new Tables.TableRenderOptions(culture: culture);
    }

    /// <summary>The defaults: the invariant culture (English texts, <c>72.31</c>).</summary>
    public static ReportOptions Default { get; } = new(CultureInfo.InvariantCulture);

    /// <summary>Vietnamese: the <c>vi-VN</c> culture (Vietnamese texts, decimal comma <c>72,31</c>).</summary>
    public static ReportOptions Vietnamese { get; } = new(CultureInfo.GetCultureInfo("vi-VN"));

    /// <summary>The culture of texts and numbers.</summary>
    public CultureInfo Culture { get; }

    /// <summary>Table options whose numbers follow <see cref="Culture"/> (text, Markdown and HTML; CSV stays invariant).</summary>
    internal Tables.TableRenderOptions TableOptions { get; }

    /// <summary>
    /// The language code written in <c>&lt;html lang&gt;</c>: the culture's two-letter ISO code (<c>vi</c> for
    /// <c>vi-VN</c>), or <c>en</c> for the invariant culture.
    /// </summary>
    public string Language => Culture.Equals(CultureInfo.InvariantCulture) ? "en" : Culture.TwoLetterISOLanguageName;

    /// <summary>True when the texts are Vietnamese (the culture's language is <c>vi</c>).</summary>
    public bool IsVietnamese => Language == "vi";

    /// <summary>Options for a language code or culture name: <c>en</c> gives <see cref="Default"/>, <c>vi</c> gives <see cref="Vietnamese"/>, any other culture name (for example <c>vi-VN</c>, <c>en-GB</c>) that culture.</summary>
    /// <param name="language">The language code or culture name, case-insensitive.</param>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentException">When <paramref name="language"/> is blank.</exception>
    /// <exception cref="CultureNotFoundException">When <paramref name="language"/> names no culture.</exception>
    public static ReportOptions ForLanguage(string language)
    {
        Internal.Preconditions.NotBlank(language);
        return language.Trim().ToUpperInvariant() switch
        {
            "EN" => Default,
            "VI" => Vietnamese,
            var name => new ReportOptions(CultureInfo.GetCultureInfo(name, predefinedOnly: true)),
        };
    }

    /// <summary>Formats as <c>ReportOptions vi-VN</c> (<c>ReportOptions invariant</c> for the invariant culture).</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => "ReportOptions " + (Culture.Equals(CultureInfo.InvariantCulture) ? "invariant" : Culture.Name);

    /// <summary>A text resource in this culture.</summary>
    internal string T(string key) => Internal.Localization.Strings.Get(key, Culture);

    /// <summary>A text resource with its numbered arguments replaced by <paramref name="args"/>, numbers in this culture.</summary>
    internal string T(string key, params object?[] args) => Internal.Localization.Strings.Format(Culture, key, args);

    /// <summary>A score as shown to readers: 2 decimals in this culture, "-" when missing.</summary>
    internal string Score(double x) => double.IsNaN(x) ? "-" : x.ToString("0.00", Culture);

    /// <summary>A rank as shown to readers: whole or up to 2 decimals in this culture, "-" when missing.</summary>
    internal string Rank(double x) => double.IsNaN(x) ? "-" : x.ToString("0.##", Culture);

    /// <summary>An integer in this culture, without group separators.</summary>
    internal string Int(int x) => x.ToString("0", Culture);

    /// <summary>A share as a percentage with up to 2 decimals in this culture (0.25 -> "25%").</summary>
    internal string Percent(double share) => (share * 100).ToString("0.##", Culture) + "%";

    /// <summary>A tick label in this culture: up to 2 decimals, "-0" written as "0" (in the invariant culture exactly <see cref="Markup.Tick"/>).</summary>
    internal string Tick(double x)
    {
        var s = Math.Round(x, 2).ToString("0.##", Culture);
        return s == "-0" ? "0" : s;
    }

    /// <summary>A number with a format string in this culture; "-" when NaN; a negative zero is written without its sign (in the invariant culture exactly <see cref="Markup.Format"/>).</summary>
    internal string Format(double x, string format)
    {
        if (double.IsNaN(x))
        {
            return "-";
        }

        var s = x.ToString(format, Culture);
        var separator = Culture.NumberFormat.NumberDecimalSeparator;
        return s.StartsWith('-') && s[1..].Replace(separator, string.Empty, StringComparison.Ordinal).All(c => c == '0') ? s[1..] : s;
    }

    /// <summary>A p-value in this culture: 3 decimals, "&lt;0.001" below 0.001, "-" when NaN (in the invariant culture exactly the audit's form).</summary>
    internal string P(double p) => double.IsNaN(p) ? "-" : p < 0.001 ? "<" + 0.001.ToString("0.000", Culture) : p.ToString("F3", Culture);

    /// <summary>
    /// The unit of scores for axis titles in this culture: "points, L–U" when every indicator is min-max normalised to
    /// the same [L, U], else "normalised scale" (in the invariant culture exactly <see cref="Markup.ScoreUnit"/>).
    /// </summary>
    internal string ScoreUnit(Calculation.Methodology m)
    {
        var norms = m.Framework.Indicators.Select(i => m.NormaliserFor(i.Code)).Distinct().ToList();
        return norms.Count == 1 && norms[0] is Normalisation.MinMaxNormaliser
            ? T("Chart_ScoreUnitPoints", Tick(norms[0].Lower), Tick(norms[0].Upper))
            : T("Chart_ScoreUnitNormalised");
    }

    /// <summary>A group value as shown: in Vietnamese, a GSO region's English name (as in the data) becomes its Vietnamese name; any other value is shown as given.</summary>
    internal string GroupValue(string group)
    {
        if (!IsVietnamese)
        {
            return group;
        }

        var province = Geography.ProvinceCatalog.Default.Provinces(Geography.ProvinceGeography.Provinces2016)
            .FirstOrDefault(p => string.Equals(p.Region, group, StringComparison.OrdinalIgnoreCase) && p.Region6Vi is not null);
        return province?.Region6Vi ?? group;
    }

    /// <summary>A group column's name as shown: <c>region</c> is translated, any other name is shown as given.</summary>
    internal string GroupName(string groupName) => groupName == "region" ? T("Group_region") : groupName;

    /// <summary>
    /// An indicator's unit of measure in this culture: in Vietnamese, a unit text the library's presets ship (a
    /// <c>MeasureUnit_</c> resource whose English text equals it) is translated; any other unit is shown as given.
    /// </summary>
    internal string? MeasureUnit(string? unit) => IsVietnamese ? Internal.Localization.Strings.MeasureUnit(unit, Culture) : unit;

    /// <summary>An indicator's or node's name with its unit of measure in parentheses, both in this culture.</summary>
    internal string NameWithUnit(Model.FrameworkNode node)
    {
        var unit = MeasureUnit(node.Indicator?.Unit);
        return NodeName(node) + (string.IsNullOrWhiteSpace(unit) ? string.Empty : " (" + unit + ")");
    }

    /// <summary>A raw value with 4 significant digits as <see cref="Markup.Significant"/>, with this culture's decimal separator.</summary>
    internal string Significant(double x) => Markup.Significant(x).Replace(".", Culture.NumberFormat.NumberDecimalSeparator, StringComparison.Ordinal);

    /// <summary>A tie policy's name in this culture.</summary>
    internal string Ties(Ranking.TiePolicy ties) => T("Tie_" + ties);

    /// <summary>
    /// A methodology's description in this culture: as given, except that the embedded index's English disclaimer at
    /// its start, and its own description after it, are replaced by their texts in this culture.
    /// </summary>
    internal string Description(Calculation.Methodology m)
    {
        var d = m.Description?.Trim() ?? string.Empty;
        const string En = Presets.OpenReadiness2016.Disclaimer;
        if (m.Code != Presets.OpenReadiness2016.PresetName || !d.StartsWith(En, StringComparison.Ordinal))
        {
            return d;
        }

        // the rest, when it is the embedded index's own description, is a resource too
        var rest = d[En.Length..];
        var trimmed = rest.TrimStart();
        if (trimmed == Internal.Localization.Strings.Get("Description_OpenReadiness2016", CultureInfo.InvariantCulture))
        {
            rest = rest[..(rest.Length - trimmed.Length)] + T("Description_OpenReadiness2016");
        }

        return T("Disclaimer_OpenReadiness2016") + rest;
    }

    /// <summary>A node's name in this culture: its Vietnamese name when the texts are Vietnamese and it has one.</summary>
    internal string NodeName(Model.FrameworkNode node) => IsVietnamese && !string.IsNullOrWhiteSpace(node.NameVi) ? node.NameVi : node.Name;
}
