using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Tables;
using ProvinceIct.Indicators.Treatment;
using ProvinceIct.Indicators.Weighting;

namespace ProvinceIct.Indicators.Reporting;

/// <summary>
/// Every stage of a computed index as one Excel workbook, as COINr's <c>export_to_excel</c> writes it: the raw data
/// (<c>Raw data</c>, in the <c>iData</c> layout, so it reads back as input), the treated data (<c>Treated data</c>, when
/// the methodology has treatment steps), the normalised indicators (<c>Normalised data</c>), the scores and ranks at
/// every aggregate level (<c>Scores</c>, <c>Ranks</c>), the nominal and effective weights (<c>Weights</c>), the
/// treatment and imputation log (<c>Treatment log</c>, one row per changed value, when there is one) and the metadata
/// (<c>iMeta</c>, when the framework is a balanced tree). Sheets have a frozen header, typed cells and no formulas
/// (see <see cref="TableWorkbook"/>).
/// </summary>
/// <remarks>Missing values (NaN) are empty cells. Units screened out by treatment appear in the raw data only.</remarks>
public static class IndexWorkbook
{
    /// <summary>Computes the index and returns the tables of every stage, one per sheet, in workbook order.</summary>
    /// <param name="methodology">The methodology.</param>
    /// <param name="dataset">The raw data.</param>
    /// <returns>The tables.</returns>
    /// <exception cref="Errors.ValidationException">As <see cref="IndexCalculator.Compute"/>.</exception>
    /// <exception cref="Errors.CalculationException">As <see cref="IndexCalculator.Compute"/>.</exception>
    public static ImmutableArray<Table> Tables(Methodology methodology, Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(methodology);
        ArgumentNullException.ThrowIfNull(dataset);
        var compiled = IndexCalculator.Compile(methodology, dataset);
        var result = compiled.Run();
        var fw = result.Methodology.Framework;
        var tables = ImmutableArray.CreateBuilder<Table>();
        tables.Add(XlsxData.DataTable(dataset, "Raw data"));
        if (!compiled.Treatment.IsEmpty)
        {
            tables.Add(XlsxData.DataTable(compiled.Dataset, "Treated data"));
        }

        var indicators = fw.Indicators.Select(d => d.Code).ToArray();
        var aggregates = fw.Nodes.Where(n => !n.IsIndicator).OrderByDescending(n => fw.Level(n.Code)).Select(n => n.Code).ToArray();
        tables.Add(UnitTable(result, "Normalised data", indicators, (r, c) => r.Scores(c), (k, h) => TableColumn.Number(k, h)));
        tables.Add(UnitTable(result, "Scores", aggregates, (r, c) => r.Scores(c), (k, h) => TableColumn.Number(k, h)));
        tables.Add(UnitTable(result, "Ranks", [.. aggregates, .. indicators], (r, c) => r.Ranks(c), (k, h) => TableColumn.Rank(k, h)));
        tables.Add(Renamed(Weights.EffectiveWeights(fw).ToTable(), "Weights"));
        if (!compiled.Treatment.Changes.IsEmpty)
        {
            tables.Add(TreatmentLogTable(compiled.Treatment));
        }

        try
        {
            tables.Add(XlsxData.MetaTableOf(MetaTable.Create(fw)));
        }
        catch (ArgumentException)
        {
            // An unbalanced tree has no iMeta form; the other sheets still describe it.
        }

        return tables.ToImmutable();
    }

    /// <summary>Computes the index and writes the workbook of every stage (see <see cref="Tables"/>), atomically.</summary>
    /// <param name="path">The target file (usually ending in <c>.xlsx</c>); an existing file is replaced only once the new one is complete.</param>
    /// <param name="methodology">The methodology.</param>
    /// <param name="dataset">The raw data.</param>
    /// <param name="cancellationToken">Checked between sheets and before the rename.</param>
    /// <exception cref="IOException">When the file cannot be written; the message names <paramref name="path"/>.</exception>
    /// <exception cref="UnauthorizedAccessException">When the folder or the file may not be written.</exception>
    public static void Save(string path, Methodology methodology, Dataset dataset, CancellationToken cancellationToken = default) =>
        TableWorkbook.Save(path, Tables(methodology, dataset), cancellationToken);

    /// <summary>
    /// The sheets of an audit workbook: <c>Findings</c> (one finding per row, in the report's order), then every table
    /// of <see cref="Analysis.AuditReport.ToTables"/> (coverage, statistics, correlations, alpha, PCA, leave-one-out,
    /// added value, and the uncertainty table when the audit has one), each a sheet named by its table name.
    /// </summary>
    /// <param name="audit">The audit.</param>
    /// <returns>The tables, Findings first.</returns>
    public static ImmutableArray<Table> AuditTables(Analysis.AuditReport audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var findings = Table.Create(
            string.Empty,
            [TableColumn.Integer("n", "#"), TableColumn.Text("finding", "Finding")],
            audit.Findings.Select((f, i) => Table.Row((double)(i + 1), f)),
            name: "Findings");
        return [findings, .. audit.ToTables()];
    }

    /// <summary>Writes the audit's findings and tables as a workbook (see <see cref="AuditTables"/>), atomically.</summary>
    /// <param name="path">The target file (usually ending in <c>.xlsx</c>); an existing file is replaced only once the new one is complete.</param>
    /// <param name="audit">The audit.</param>
    /// <param name="cancellationToken">Checked between sheets and before the rename.</param>
    /// <exception cref="IOException">When the file cannot be written; the message names <paramref name="path"/>.</exception>
    /// <exception cref="UnauthorizedAccessException">When the folder or the file may not be written.</exception>
    public static void SaveAudit(string path, Analysis.AuditReport audit, CancellationToken cancellationToken = default) =>
        TableWorkbook.Save(path, AuditTables(audit), cancellationToken);

    private static Table UnitTable(IndexResult result, string name, string[] codes, Func<IndexResult, string, ReadOnlySpan<double>> values, Func<string, string, TableColumn> column)
    {
        var columns = new List<TableColumn> { TableColumn.Text("uCode", "uCode"), TableColumn.Label("uName", "uName") };
        columns.AddRange(codes.Select(c => column(c, c)));
        var data = codes.Select(c => values(result, c).ToArray()).ToArray();
        var rows = new List<TableRow>(result.Units.Length);
        for (var i = 0; i < result.Units.Length; i++)
        {
            var cells = new TableCell[codes.Length + 2];
            cells[0] = result.Units[i].Code;
            cells[1] = result.Units[i].Name;
            for (var k = 0; k < codes.Length; k++)
            {
                cells[k + 2] = data[k][i];
            }

            rows.Add(Table.Row(cells));
        }

        return Table.Create(string.Empty, columns, rows, name: name);
    }

    private static Table Renamed(Table t, string name) => Table.Create(t.Title, t.Columns, t.Rows, t.Notes, name);

    private static Table TreatmentLogTable(TreatmentLog log)
    {
        var columns = new[]
        {
            TableColumn.Integer("step", "Step"), TableColumn.Text("kind", "Kind"), TableColumn.Text("method", "Method"),
            TableColumn.Text("action", "Action"), TableColumn.Text("uCode", "uCode"), TableColumn.Text("iCode", "iCode"),
            TableColumn.Number("old", "Old value", NumberFormat.Significant(15)), TableColumn.Number("new", "New value", NumberFormat.Significant(15)),
        };
        var rows = log.Changes.Select(e => Table.Row(
            e.StepIndex + 1,
            e.Step.ToString(),
            e.StepIndex < log.Steps.Length ? log.Steps[e.StepIndex].ToString() : null,
            e.Action.ToString(),
            e.UnitCode,
            e.IndicatorCode,
            e.OldValue,
            e.NewValue));
        var notes = log.ScreenedOut.Where(s => !s.IsKept).Select(s => "Screened out: " + s.UnitCode + " (" + s.PresentCount.ToString(CultureInfo.InvariantCulture) + " of " + s.IndicatorCount.ToString(CultureInfo.InvariantCulture) + " indicators present)");
        return Table.Create("Treatment and imputation log", columns, rows, notes, "Treatment log");
    }
}
