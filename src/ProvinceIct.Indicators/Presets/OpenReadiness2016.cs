using System.Collections.Immutable;
using System.Reflection;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Geography;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Treatment;

namespace ProvinceIct.Indicators.Presets;

/// <summary>
/// The Open-data Provincial Readiness Index 2016: an illustrative composite index of Vietnam's 63 provinces built
/// from real 2016 open data (GSO statistical tables and VCCI's PCI 2016 survey). It is not the official Vietnam ICT
/// Index. Twelve indicators in four equally weighted pillars (infrastructure and access, human resources,
/// e-government and application, economic capacity), min-max to [0, 100], weighted arithmetic means, missing values
/// dropped with their weight re-normalised, competition ranking. The methodology is an embedded JSON resource; the
/// data are the embedded source table, with the derived indicators computed by <see cref="Derivation"/>.
/// </summary>
public static class OpenReadiness2016
{
    private static readonly Lazy<Methodology> LazyMethodology = new(() => MethodologyJson.Deserialize(ReadResource("open_readiness_2016.methodology.json")));
    private static readonly Lazy<Dataset> LazySource = new(LoadSource);
    private static readonly Lazy<Dataset> LazyDataset = new(() => Derivation.Apply(LazySource.Value, Recipe));

    /// <summary>The preset's name for lookups and the command line.</summary>
    public const string PresetName = "open-readiness-2016";

    /// <summary>The statement every output of this index carries.</summary>
    public const string Disclaimer = "Illustrative index built from open data (GSO 2016, VCCI PCI 2016); not the official Vietnam ICT Index.";

    /// <summary>How each of the twelve indicators is made from the source table's columns.</summary>
    public static ImmutableArray<DerivedColumn> Recipe { get; } =
    [
        DerivedColumn.Copy("electricity_households_pct", "households_using_electricity_pct"),
        DerivedColumn.Ratio("urban_population_pct", "population_urban_thousand", "population_avg_thousand", 100),
        DerivedColumn.Copy("literacy_pct", "literacy_rate_15plus_pct"),
        DerivedColumn.Copy("trained_workers_pct", "trained_employed_workers_15plus_pct"),
        // persons / (thousand persons / 10) = persons per 10,000 inhabitants
        DerivedColumn.Ratio("students_per_10k", "university_college_students_persons", "population_avg_thousand", 10),
        DerivedColumn.Copy("website_score", "pci_2016_provincial_website_score_points"),
        DerivedColumn.Copy("firms_using_website_share", "pci_2016_firms_accessing_provincial_website_share"),
        DerivedColumn.Copy("onestop_ict_good_share", "pci_2016_onestop_ict_rated_good_share"),
        DerivedColumn.Copy("transparency_score", "pci_2016_transparency_subindex"),
        DerivedColumn.Copy("income_per_capita_kvnd", "monthly_income_per_capita_thousand_vnd"),
        // billion VND / thousand persons = million VND per person
        DerivedColumn.Ratio("retail_per_capita_mvnd", "retail_sales_goods_services_billion_vnd", "population_avg_thousand", 1),
        DerivedColumn.Copy("poverty_pct", "poverty_rate_pct"),
    ];

    /// <summary>The methodology (loaded once from the embedded JSON).</summary>
    public static Methodology Methodology => LazyMethodology.Value;

    /// <summary>The 63 provinces by the twelve indicators (derived once from the embedded source table).</summary>
    public static Dataset Dataset => LazyDataset.Value;

    /// <summary>The embedded source table: the 63 provinces by the 20 raw 2016 columns, as published (missing = not published).</summary>
    public static Dataset SourceData => LazySource.Value;

    /// <summary>Computes the index: the main job.</summary>
    /// <returns>The result.</returns>
    public static IndexResult Compute() => IndexCalculator.Compute(Methodology, Dataset);

    /// <summary>The methodology as embedded JSON text.</summary>
    public static string MethodologyJsonText => ReadResource("open_readiness_2016.methodology.json");

    private static Dataset LoadSource()
    {
        // The source table keys provinces by `gso_code` and names them in `name_vi`; the wide reader expects COINr's names.
        var text = ReadResource("vn_provinces_2016.csv");
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        var header = text[..newline].Replace("gso_code,name_vi,", "uCode,uName,", StringComparison.Ordinal);
        var raw = WideCsv.Load(new StringReader(header + text[newline..]), new WideCsvOptions { SourceName = "vn_provinces_2016.csv" });
        var catalog = ProvinceCatalog.Default;
        var units = raw.Units.Select(u => catalog.Get(u.Code, ProvinceGeography.Provinces2016).ToUnit()).ToList();
        return Dataset.FromColumns(units, raw.IndicatorCodes.Select(c => KeyValuePair.Create(c, raw.Column(c).ToArray())));
    }

    internal static string ReadResource(string name)
    {
        var full = "ProvinceIct.Indicators.Resources." + name;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(full)
            ?? throw new InvalidOperationException("The embedded resource " + full + " is missing from the assembly.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
