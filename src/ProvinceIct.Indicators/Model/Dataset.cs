using System.Collections.Immutable;
using System.Globalization;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Internal.Localization;

namespace ProvinceIct.Indicators.Model;

/// <summary>
/// An immutable table of units by indicators, stored column by column. A missing value is NaN; infinities are
/// never stored. Unit codes and indicator codes are unique (ordinal comparison). The dataset may hold columns that
/// a framework does not use (denominators, other data).
/// </summary>
public sealed class Dataset
{
    private readonly double[] _values; // column-major: _values[indicator * UnitCount + unit]
    private readonly Dictionary<string, int> _unitIndex; // never written after construction
    private readonly Dictionary<string, int> _indicatorIndex;
    private string[]? _unitCodeArray;
    private FrameworkValidation? _lastValidation;

    /// <param name="units">The units.</param>
    /// <param name="indicatorCodes">The codes.</param>
    /// <param name="values">The values, owned.</param>
    /// <param name="unitIndex">The position of each unit code (made by the structural check, which found every code unique).</param>
    /// <param name="indicatorIndex">The position of each indicator code, likewise.</param>
    private Dataset(ImmutableArray<Unit> units, ImmutableArray<string> indicatorCodes, double[] values, Dictionary<string, int> unitIndex, Dictionary<string, int> indicatorIndex)
    {
        Units = units;
        IndicatorCodes = indicatorCodes;
        _values = values;
        _unitIndex = unitIndex;
        _indicatorIndex = indicatorIndex;
    }

    /// <summary>Creates a dataset from a units x indicators matrix.</summary>
    /// <param name="units">The units (rows).</param>
    /// <param name="indicatorCodes">The indicator codes (columns).</param>
    /// <param name="values">The values, <c>values[unit, indicator]</c>; NaN for missing.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="ValidationException">With every problem: duplicate unit or indicator codes, infinite values.</exception>
    /// <exception cref="ArgumentException">When the matrix shape does not match the units and codes.</exception>
    public static Dataset Create(IEnumerable<Unit> units, IEnumerable<string> indicatorCodes, double[,] values)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(indicatorCodes);
        ArgumentNullException.ThrowIfNull(values);
        var u = units.ToImmutableArray();
        var c = indicatorCodes.ToImmutableArray();
        if (values.GetLength(0) != u.Length || values.GetLength(1) != c.Length)
        {
            throw new ArgumentException("The value matrix must have one row per unit and one column per indicator.", nameof(values));
        }

        var data = new double[u.Length * c.Length];
        for (var j = 0; j < c.Length; j++)
        {
            for (var i = 0; i < u.Length; i++)
            {
                data[(j * u.Length) + i] = values[i, j];
            }
        }

        return FromColumnMajor(u, c, data);
    }

    /// <summary>Creates a dataset from columns.</summary>
    /// <param name="units">The units (rows).</param>
    /// <param name="columns">The columns: indicator code and one value per unit, in unit order; NaN for missing.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="ValidationException">With every problem: duplicate unit or indicator codes, infinite values.</exception>
    /// <exception cref="ArgumentException">When a column's length differs from the number of units.</exception>
    public static Dataset FromColumns(IEnumerable<Unit> units, IEnumerable<KeyValuePair<string, double[]>> columns)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(columns);
        var u = units.ToImmutableArray();
        var cols = columns.ToList();
        var data = new double[u.Length * cols.Count];
        for (var j = 0; j < cols.Count; j++)
        {
            var col = cols[j].Value ?? throw new ArgumentException("A column must not be null.", nameof(columns));
            if (col.Length != u.Length)
            {
                throw new ArgumentException($"Column '{cols[j].Key}' has {col.Length.ToString(CultureInfo.InvariantCulture)} values for {u.Length.ToString(CultureInfo.InvariantCulture)} units.", nameof(columns));
            }

            col.CopyTo(data, j * u.Length);
        }

        return FromColumnMajor(u, cols.Select(k => k.Key).ToImmutableArray(), data);
    }

    /// <summary>
    /// Checks raw table contents and, when they are valid, creates the dataset; otherwise returns every problem.
    /// Checks duplicate unit and indicator codes, infinite values and, when a framework is given, everything
    /// <see cref="Validate"/> checks. Nothing is thrown for bad data. Codes that differ only in letter case are kept
    /// distinct (codes are case-sensitive) and named in <see cref="ReadResult{T}.Warnings"/> as a likely mistake.
    /// </summary>
    /// <param name="units">The units.</param>
    /// <param name="indicatorCodes">The indicator codes.</param>
    /// <param name="columnMajorValues">The values, column after column (<c>[indicator * units + unit]</c>); copied.</param>
    /// <param name="framework">A framework to validate against, or null.</param>
    /// <param name="source">The source name in the result (default <c>&lt;dataset&gt;</c>).</param>
    /// <returns>The dataset, or the report of every problem (never both).</returns>
    public static ReadResult<Dataset> TryCreate(IReadOnlyList<Unit> units, IReadOnlyList<string> indicatorCodes, ReadOnlySpan<double> columnMajorValues, Framework? framework, string? source = null)
    {
        var report = Check(units, indicatorCodes, columnMajorValues, framework, out var dataset);
        return dataset is null ? ReadResult<Dataset>.ForFailure(report, source ?? "<dataset>")
            : ReadResult<Dataset>.ForValue(dataset, source ?? "<dataset>", CaseOnlyDifferences(units, indicatorCodes, i => new ProblemText("Loc_Row", (i + 1).ToString(CultureInfo.InvariantCulture)), j => new ProblemText("Loc_Column", (j + 1).ToString(CultureInfo.InvariantCulture))));
    }

    /// <summary>As <see cref="TryCreate(IReadOnlyList{Unit}, IReadOnlyList{string}, ReadOnlySpan{double}, Framework?, string?)"/>, with the report and the dataset apart (readers relocate the problems).</summary>
    internal static ValidationReport Check(IReadOnlyList<Unit> units, IReadOnlyList<string> indicatorCodes, ReadOnlySpan<double> columnMajorValues, Framework? framework, out Dataset? dataset)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(indicatorCodes);
        Internal.Preconditions.SameLength(units.Count * indicatorCodes.Count, columnMajorValues.Length, nameof(columnMajorValues));
        dataset = null;
        var problems = StructuralProblems(units, indicatorCodes, columnMajorValues, out var unitIndex, out var indicatorIndex);
        if (problems.Count > 0)
        {
            return ValidationReport.Of(problems);
        }

        return Finish(new Dataset(units.ToImmutableArray(), indicatorCodes.ToImmutableArray(), columnMajorValues.ToArray(), unitIndex, indicatorIndex), framework, out dataset);
    }

    /// <summary>As <see cref="Check"/>, taking ownership of <paramref name="columnMajorValues"/> instead of copying it (readers of large files).</summary>
    internal static ValidationReport TryCreateOwning(IReadOnlyList<Unit> units, IReadOnlyList<string> indicatorCodes, double[] columnMajorValues, Framework? framework, out Dataset? dataset)
    {
        Internal.Preconditions.SameLength(units.Count * indicatorCodes.Count, columnMajorValues.Length, nameof(columnMajorValues));
        dataset = null;
        var problems = StructuralProblems(units, indicatorCodes, columnMajorValues, out var unitIndex, out var indicatorIndex);
        if (problems.Count > 0)
        {
            return ValidationReport.Of(problems);
        }

        return Finish(new Dataset(units.ToImmutableArray(), indicatorCodes.ToImmutableArray(), columnMajorValues, unitIndex, indicatorIndex), framework, out dataset);
    }

    private static ValidationReport Finish(Dataset candidate, Framework? framework, out Dataset? dataset)
    {
        dataset = null;
        if (framework is not null)
        {
            var report = candidate.Validate(framework);
            if (!report.IsValid)
            {
                return report;
            }
        }

        dataset = candidate;
        return ValidationReport.Empty;
    }

    private static Dataset FromColumnMajor(ImmutableArray<Unit> units, ImmutableArray<string> codes, double[] data)
    {
        var problems = StructuralProblems(units, codes, data, out var unitIndex, out var indicatorIndex);
        if (problems.Count > 0)
        {
            ValidationReport.Of(problems).ThrowIfInvalid("dataset");
        }

        return new Dataset(units, codes, data, unitIndex, indicatorIndex);
    }

    /// <summary>
    /// Duplicate unit or indicator codes, blank indicator codes and infinite values. Without a problem,
    /// <paramref name="unitIndex"/> and <paramref name="indicatorIndex"/> hold the position of every code (the dataset's lookups).
    /// </summary>
    private static List<ValidationProblem> StructuralProblems(IReadOnlyList<Unit> units, IReadOnlyList<string> codes, ReadOnlySpan<double> data, out Dictionary<string, int> unitIndex, out Dictionary<string, int> indicatorIndex)
    {
        var problems = new List<ValidationProblem>();
        var seenUnits = new Dictionary<string, int>(units.Count, StringComparer.Ordinal);
        for (var i = 0; i < units.Count; i++)
        {
            var unit = units[i] ?? throw new ArgumentException("Units must not be null.", nameof(units));
            if (!seenUnits.TryAdd(unit.Code, i))
            {
                problems.Add(new ValidationProblem(ProblemCode.DuplicateUnit, new ProblemText("Dataset_DuplicateUnit", unit.Code, (seenUnits[unit.Code] + 1).ToString(CultureInfo.InvariantCulture), (i + 1).ToString(CultureInfo.InvariantCulture)))
                { Row = i + 1, UnitCode = unit.Code, ExpectedText = new ProblemText("Expected_UniqueUnitCodes"), Found = unit.Code });
            }
        }

        var seenCodes = new Dictionary<string, int>(codes.Count, StringComparer.Ordinal);
        for (var j = 0; j < codes.Count; j++)
        {
            var code = codes[j];
            if (string.IsNullOrWhiteSpace(code))
            {
                problems.Add(new ValidationProblem(ProblemCode.MissingColumn, new ProblemText("Dataset_EmptyIndicatorCode")) { Column = j + 1, ExpectedText = new ProblemText("Expected_NonEmptyIndicatorCode"), Found = "\"" + code + "\"" });
            }
            else if (!seenCodes.TryAdd(code, j))
            {
                problems.Add(new ValidationProblem(ProblemCode.DuplicateIndicator, new ProblemText("Dataset_DuplicateIndicator", code, (seenCodes[code] + 1).ToString(CultureInfo.InvariantCulture), (j + 1).ToString(CultureInfo.InvariantCulture)))
                { Column = j + 1, IndicatorCode = code, ExpectedText = new ProblemText("Expected_UniqueIndicatorCodes"), Found = code });
            }
        }

        var n = units.Count;

        // Infinity has one bit pattern each way: a vectorised search of the bits finds whether any value is infinite, and
        // only then are the cells located one by one.
        var bits = System.Runtime.InteropServices.MemoryMarshal.Cast<double, long>(data);
        var anyInfinite = bits.IndexOfAny(BitConverter.DoubleToInt64Bits(double.PositiveInfinity), BitConverter.DoubleToInt64Bits(double.NegativeInfinity)) >= 0;
        for (var j = 0; anyInfinite && j < codes.Count; j++)
        {
            for (var i = 0; i < n; i++)
            {
                var x = data[(j * n) + i];
                if (double.IsInfinity(x))
                {
                    problems.Add(new ValidationProblem(ProblemCode.NonFiniteValue, new ProblemText("Dataset_Infinite"))
                    { Row = i + 1, Column = j + 1, UnitCode = units[i].Code, IndicatorCode = codes[j], ExpectedText = new ProblemText("Expected_FiniteOrNaN"), Found = x.ToString(CultureInfo.InvariantCulture) });
                }
            }
        }

        unitIndex = seenUnits;
        indicatorIndex = seenCodes;
        return problems;
    }

    /// <summary>
    /// Unit codes and indicator codes that differ only in letter case (<c>HN</c> and <c>hn</c>): one finding per later
    /// code, naming both codes and where each is (<paramref name="unitAt"/> and <paramref name="columnAt"/> turn a 0-based
    /// position into text such as <c>row 2</c> or <c>line 3</c>). Row (1-based position) and Column locate the later code.
    /// Codes are case-sensitive identifiers: such codes are different units; the finding says they are likely one.
    /// </summary>
    internal static List<ValidationProblem> CaseOnlyDifferences(IReadOnlyList<Unit> units, IReadOnlyList<string> codes, Func<int, ProblemText> unitAt, Func<int, ProblemText> columnAt)
    {
        var problems = new List<ValidationProblem>();
        var byFolded = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < units.Count; i++)
        {
            var code = units[i].Code;
            if (!byFolded.TryAdd(code, i) && !string.Equals(units[byFolded[code]].Code, code, StringComparison.Ordinal))
            {
                var first = units[byFolded[code]].Code;
                problems.Add(new ValidationProblem(ProblemCode.CodesDifferOnlyInCase, new ProblemText("Dataset_UnitCodesCaseOnly", first, unitAt(byFolded[code]), code, unitAt(i)))
                { Row = i + 1, UnitCode = code, ExpectedText = new ProblemText("Expected_UnitCodesNotCaseOnly"), Found = first + ", " + code });
            }
        }

        var byFoldedCode = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var j = 0; j < codes.Count; j++)
        {
            var code = codes[j];
            if (!string.IsNullOrWhiteSpace(code) && !byFoldedCode.TryAdd(code, j) && !string.Equals(codes[byFoldedCode[code]], code, StringComparison.Ordinal))
            {
                var first = codes[byFoldedCode[code]];
                problems.Add(new ValidationProblem(ProblemCode.CodesDifferOnlyInCase, new ProblemText("Dataset_IndicatorCodesCaseOnly", first, columnAt(byFoldedCode[code]), code, columnAt(j)))
                { Column = j + 1, IndicatorCode = code, ExpectedText = new ProblemText("Expected_IndicatorCodesNotCaseOnly"), Found = first + ", " + code });
            }
        }

        return problems;
    }

    /// <summary>The units (rows), in order.</summary>
    public ImmutableArray<Unit> Units { get; }

    /// <summary>The indicator codes (columns), in order.</summary>
    public ImmutableArray<string> IndicatorCodes { get; }

    /// <summary>The number of units.</summary>
    public int UnitCount => Units.Length;

    /// <summary>The number of indicator columns.</summary>
    public int IndicatorCount => IndicatorCodes.Length;

    /// <summary>The number of missing (NaN) values.</summary>
    public int MissingCount => _values.Count(double.IsNaN);

    /// <summary>The value of a unit on an indicator, by position; NaN when missing.</summary>
    /// <param name="unit">The unit row (0-based).</param>
    /// <param name="indicator">The indicator column (0-based).</param>
    public double this[int unit, int indicator]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(unit);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(unit, UnitCount);
            ArgumentOutOfRangeException.ThrowIfNegative(indicator);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(indicator, IndicatorCount);
            return _values[(indicator * UnitCount) + unit];
        }
    }

    /// <summary>The value of a unit on an indicator, by codes; NaN when missing.</summary>
    /// <param name="unitCode">The unit code.</param>
    /// <param name="indicatorCode">The indicator code.</param>
    /// <returns>The value.</returns>
    /// <exception cref="KeyNotFoundException">When the unit or indicator does not exist.</exception>
    public double Value(string unitCode, string indicatorCode) => this[IndexOfUnit(unitCode), IndexOfIndicator(indicatorCode)];

    /// <summary>One indicator's values, in unit order.</summary>
    /// <param name="indicator">The column (0-based).</param>
    /// <returns>A read-only view of the column.</returns>
    public ReadOnlySpan<double> Column(int indicator)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(indicator);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(indicator, IndicatorCount);
        return _values.AsSpan(indicator * UnitCount, UnitCount);
    }

    /// <summary>One indicator's values, in unit order.</summary>
    /// <param name="indicatorCode">The indicator code.</param>
    /// <returns>A read-only view of the column.</returns>
    /// <exception cref="KeyNotFoundException">When the indicator does not exist.</exception>
    public ReadOnlySpan<double> Column(string indicatorCode) => Column(IndexOfIndicator(indicatorCode));

    /// <summary>The backing store, column-major (<c>indicator * UnitCount + unit</c>): for compiled indices that read it in place. Never written.</summary>
    internal double[] ColumnMajorValues => _values;

    /// <summary>The unit codes in row order, made on first use and shared; callers never write to it.</summary>
    internal string[] UnitCodeArray => _unitCodeArray ??= Units.Select(u => u.Code).ToArray();

    /// <summary>
    /// <see cref="Validate(Framework)"/>, remembered for the last framework instance it was asked for: a dataset and a
    /// framework are both immutable, so the report of the same pair never changes. A compute repeated on the same data
    /// (what-if, explore, uncertainty) checks the values once.
    /// </summary>
    /// <param name="framework">The framework.</param>
    /// <returns>The report.</returns>
    internal ValidationReport ValidateOnce(Framework framework)
    {
        if (_lastValidation is { } last && ReferenceEquals(last.Framework, framework))
        {
            return last.Report;
        }

        var report = Validate(framework);
        _lastValidation = new FrameworkValidation(framework, report);
        return report;
    }

    private sealed record FrameworkValidation(Framework Framework, ValidationReport Report);

    /// <summary>Whether the dataset has a column with this code.</summary>
    /// <param name="indicatorCode">The code.</param>
    /// <returns>True when present.</returns>
    public bool HasIndicator(string indicatorCode) => _indicatorIndex.ContainsKey(indicatorCode);

    /// <summary>The position of a unit.</summary>
    /// <param name="unitCode">The unit code.</param>
    /// <returns>The 0-based row.</returns>
    /// <exception cref="KeyNotFoundException">When the unit does not exist.</exception>
    public int IndexOfUnit(string unitCode) =>
        _unitIndex.TryGetValue(unitCode, out var i) ? i : throw new KeyNotFoundException($"The dataset has no unit '{unitCode}'.");

    /// <summary>The position of an indicator column.</summary>
    /// <param name="indicatorCode">The indicator code.</param>
    /// <returns>The 0-based column.</returns>
    /// <exception cref="KeyNotFoundException">When the indicator does not exist.</exception>
    public int IndexOfIndicator(string indicatorCode) =>
        _indicatorIndex.TryGetValue(indicatorCode, out var i) ? i : throw new KeyNotFoundException($"The dataset has no indicator '{indicatorCode}'.");

    /// <summary>Returns a copy with a column added, or replaced if the code exists.</summary>
    /// <param name="indicatorCode">The code.</param>
    /// <param name="values">One value per unit, in unit order; NaN for missing.</param>
    /// <returns>The new dataset.</returns>
    /// <exception cref="ValidationException">When a value is infinite.</exception>
    public Dataset WithColumn(string indicatorCode, ReadOnlySpan<double> values)
    {
        Internal.Preconditions.NotBlank(indicatorCode);
        Internal.Preconditions.SameLength(UnitCount, values.Length, nameof(values));
        var cols = IndicatorCodes.Select((c, j) => KeyValuePair.Create(c, _values.AsSpan(j * UnitCount, UnitCount).ToArray())).ToList();
        var existing = cols.FindIndex(c => c.Key == indicatorCode);
        var pair = KeyValuePair.Create(indicatorCode, values.ToArray());
        if (existing >= 0)
        {
            cols[existing] = pair;
        }
        else
        {
            cols.Add(pair);
        }

        return FromColumns(Units, cols);
    }

    /// <summary>Returns a copy with one value changed.</summary>
    /// <param name="unitCode">The unit code.</param>
    /// <param name="indicatorCode">The indicator code.</param>
    /// <param name="value">The new value; NaN for missing.</param>
    /// <returns>The new dataset.</returns>
    public Dataset WithValue(string unitCode, string indicatorCode, double value)
    {
        var copy = (double[])_values.Clone();
        copy[(IndexOfIndicator(indicatorCode) * UnitCount) + IndexOfUnit(unitCode)] = value;
        return FromColumnMajor(Units, IndicatorCodes, copy);
    }

    /// <summary>Returns a copy with only the given columns, in the given order.</summary>
    /// <param name="indicatorCodes">The codes to keep.</param>
    /// <returns>The new dataset.</returns>
    /// <exception cref="KeyNotFoundException">When a code does not exist.</exception>
    public Dataset SelectIndicators(IEnumerable<string> indicatorCodes)
    {
        ArgumentNullException.ThrowIfNull(indicatorCodes);
        return FromColumns(Units, indicatorCodes.Select(c => KeyValuePair.Create(c, Column(c).ToArray())).ToList());
    }

    /// <summary>
    /// Validates the dataset against a framework, reporting every problem at once: an indicator of the framework
    /// without a column, and every value outside its indicator kind's valid range (missing values are allowed).
    /// </summary>
    /// <param name="framework">The framework.</param>
    /// <returns>The report.</returns>
    public ValidationReport Validate(Framework framework)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var problems = new List<ValidationProblem>();
        foreach (var def in framework.Indicators)
        {
            if (!_indicatorIndex.TryGetValue(def.Code, out var j))
            {
                problems.Add(new ValidationProblem(ProblemCode.MissingIndicator, new ProblemText("Dataset_MissingIndicator", def.Code))
                { IndicatorCode = def.Code, ExpectedText = new ProblemText("Expected_ColumnNamed", def.Code), FoundText = new ProblemText("Found_NoSuchColumn") });
                continue;
            }

            var col = Column(j);
            if (AllAccepted(col, def.Kind))
            {
                continue;
            }

            for (var i = 0; i < col.Length; i++)
            {
                if (!def.Kind.Accepts(col[i]))
                {
                    problems.Add(new ValidationProblem(ProblemCode.ValueOutOfRange, new ProblemText("Dataset_InvalidValue", Units[i].Code, def.Code))
                    { Row = i + 1, Column = j + 1, UnitCode = Units[i].Code, IndicatorCode = def.Code, ExpectedText = def.Kind.ExpectedText, Found = col[i].ToString("R", CultureInfo.InvariantCulture) });
                }
            }
        }

        return ValidationReport.Of(problems);
    }

    /// <summary>
    /// Whether <see cref="Definitions.IndicatorKind.Accepts"/> holds for every value of a column, in one pass without branches per
    /// value (the located report is made only for a column that fails). A dataset holds no infinities, so an unbounded
    /// kind of real numbers accepts every column without a look.
    /// </summary>
    private static bool AllAccepted(ReadOnlySpan<double> column, Definitions.IndicatorKind kind)
    {
        var min = kind.Minimum;
        var max = kind.Maximum;
        if (double.IsNegativeInfinity(min) && double.IsPositiveInfinity(max) && !kind.WholeNumber)
        {
            return true;
        }

        var bad = false;
        if (kind.WholeNumber)
        {
            foreach (var x in column)
            {
                // NaN (missing) compares false everywhere and is excluded from the whole-number test.
                bad |= (x < min) | (x > max) | ((x != Math.Floor(x)) & !double.IsNaN(x));
            }
        }
        else
        {
            foreach (var x in column)
            {
                bad |= (x < min) | (x > max);
            }
        }

        return !bad;
    }

    /// <summary>Copies the values into a new units x indicators matrix.</summary>
    /// <returns>The matrix <c>[unit, indicator]</c>.</returns>
    public double[,] ToMatrix()
    {
        var m = new double[UnitCount, IndicatorCount];
        for (var j = 0; j < IndicatorCount; j++)
        {
            for (var i = 0; i < UnitCount; i++)
            {
                m[i, j] = _values[(j * UnitCount) + i];
            }
        }

        return m;
    }

    /// <summary>Formats as <c>Dataset: 63 units x 12 indicators, 19 missing</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() =>
        $"Dataset: {UnitCount.ToString(CultureInfo.InvariantCulture)} units x {IndicatorCount.ToString(CultureInfo.InvariantCulture)} indicators, {MissingCount.ToString(CultureInfo.InvariantCulture)} missing";
}
