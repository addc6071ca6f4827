using System.Globalization;
using ProvinceIct.Indicators.Errors;
using ProvinceIct.Indicators.Geography;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Geography;

using Geography = ProvinceIct.Indicators.Geography.ProvinceGeography;

/// <summary>
/// Remapping from the 63 units to the 34. The toy dataset <see cref="Toy"/> has every 2016 code with
/// count = the code as a number (70 for Bình Phước), pop = 100, pct = 50 and score = code / 100, except where a
/// test overrides a cell; so each expected value below is computed by hand from the codes.
/// </summary>
public class BoundaryRemapperTests
{
    private static readonly ProvinceCatalog Catalog = ProvinceCatalog.Default;

    private static readonly string[] SinglePredecessorCodes = ["01", "04", "11", "12", "14", "20", "22", "38", "40", "42", "46"];

    internal static Dataset Toy(Func<string, string, double, double>? edit = null, IEnumerable<string>? without = null)
    {
        var skip = new HashSet<string>(without ?? [], StringComparer.Ordinal);
        var provinces = Catalog.Provinces(Geography.Provinces2016).Where(p => !skip.Contains(p.Code)).ToList();
        string[] columns = ["count", "pop", "pct", "score"];
        var values = new double[provinces.Count, columns.Length];
        for (var i = 0; i < provinces.Count; i++)
        {
            var code = provinces[i].Code;
            var n = int.Parse(code, CultureInfo.InvariantCulture);
            double[] defaults = [n, 100, 50, n / 100.0];
            for (var j = 0; j < columns.Length; j++)
            {
                values[i, j] = edit?.Invoke(code, columns[j], defaults[j]) ?? defaults[j];
            }
        }

        return Dataset.Create(provinces.Select(p => p.ToUnit()), columns, values);
    }

    internal static RemapPlan ToyPlan(RemapMissingPolicy policy = RemapMissingPolicy.Propagate) => RemapPlan.Create(
    [
        KeyValuePair.Create("count", RemapRule.Sum),
        KeyValuePair.Create("pop", RemapRule.Sum),
        KeyValuePair.Create("pct", RemapRule.WeightedMean("pop")),
        KeyValuePair.Create("score", RemapRule.Mean),
    ]).WithMissingPolicy(policy);

    private static Dataset DongNaiCase() => Toy((code, column, x) => (code, column) switch
    {
        ("70", "pop") => 100,
        ("75", "pop") => 300,
        ("70", "pct") => 20,
        ("75", "pct") => 60,
        ("74", "pop") => 200,
        ("77", "pop") => 100,
        ("79", "pop") => 700,
        ("74", "pct") => 40,
        ("77", "pct") => 10,
        ("79", "pct") => 80,
        _ => x,
    });

    [Fact]
    public void Remap_Sum_DongNaiIsBinhPhuocPlusDongNai()
    {
        var result = BoundaryRemapper.Remap(Toy(), ToyPlan());
        // 75 Đồng Nai = 70 Bình Phước + 75 Đồng Nai = 70 + 75 = 145
        AssertNumeric.Close(145, result.Dataset.Value("75", "count"));
        // 100 + 100 = 200
        AssertNumeric.Close(200, result.Dataset.Value("75", "pop"));
    }

    [Fact]
    public void Remap_Sum_ThreePredecessors_HoChiMinhAndNinhBinh()
    {
        var result = BoundaryRemapper.Remap(Toy(), ToyPlan());
        // 79 Hồ Chí Minh = 74 Bình Dương + 77 Bà Rịa - Vũng Tàu + 79 Hồ Chí Minh = 74 + 77 + 79 = 230
        AssertNumeric.Close(230, result.Dataset.Value("79", "count"));
        // 37 Ninh Bình = 35 Hà Nam + 36 Nam Định + 37 Ninh Bình = 35 + 36 + 37 = 108
        AssertNumeric.Close(108, result.Dataset.Value("37", "count"));
    }

    [Fact]
    public void Remap_SumOverAllUnits_Preserved()
    {
        var result = BoundaryRemapper.Remap(Toy(), ToyPlan());
        var before = Toy().Column("count").ToArray().Sum();
        AssertNumeric.Close(before, result.Dataset.Column("count").ToArray().Sum());
    }

    [Fact]
    public void Remap_WeightedMean_PercentIsPopulationWeighted()
    {
        var result = BoundaryRemapper.Remap(DongNaiCase(), ToyPlan());
        // 75: (100 * 20 + 300 * 60) / (100 + 300) = (2000 + 18000) / 400 = 50
        AssertNumeric.Close(50, result.Dataset.Value("75", "pct"));
        // 79: (200 * 40 + 100 * 10 + 700 * 80) / (200 + 100 + 700) = (8000 + 1000 + 56000) / 1000 = 65
        AssertNumeric.Close(65, result.Dataset.Value("79", "pct"));
    }

    [Fact]
    public void Remap_WeightedMean_EqualsRatioOfSummedNumerators()
    {
        // With pct = 100 * urban / pop, the population-weighted mean of pct is 100 * sum(urban) / sum(pop).
        var result = BoundaryRemapper.Remap(DongNaiCase(), ToyPlan());
        // 75: urban 70 = 20% of 100 = 20, urban 75 = 60% of 300 = 180; 100 * 200 / 400 = 50
        AssertNumeric.Close(100.0 * (20 + 180) / (100 + 300), result.Dataset.Value("75", "pct"));
    }

    [Fact]
    public void Remap_Mean_DtiRuleForScores()
    {
        var result = BoundaryRemapper.Remap(Toy(), ToyPlan());
        // 75: (0.70 + 0.75) / 2 = 0.725
        AssertNumeric.Close(0.725, result.Dataset.Value("75", "score"));
        // 79: (0.74 + 0.77 + 0.79) / 3 = 2.30 / 3 = 0.76666...
        AssertNumeric.Close(2.30 / 3, result.Dataset.Value("79", "score"));
        // 31 Hải Phòng: (0.30 + 0.31) / 2 = 0.305
        AssertNumeric.Close(0.305, result.Dataset.Value("31", "score"));
    }

    [Fact]
    public void Remap_Output_Has34UnitsInGsoOrderFromToUnit()
    {
        var result = BoundaryRemapper.Remap(Toy(), ToyPlan());
        var expected = Catalog.Provinces(Geography.Provinces2025).Select(p => p.ToUnit()).ToList();
        Assert.Equal(34, result.Dataset.UnitCount);
        Assert.Equal(expected, result.Dataset.Units.AsEnumerable());
        Assert.Equal(
            "01 04 08 11 12 14 15 19 20 22 24 25 31 33 37 38 40 42 44 46 48 51 52 56 66 68 75 79 80 82 86 91 92 96",
            string.Join(" ", result.Dataset.Units.Select(u => u.Code)));
        Assert.Equal(["count", "pop", "pct", "score"], result.Dataset.IndicatorCodes.AsEnumerable());
        Assert.Equal(0, result.Dataset.MissingCount);
    }

    [Fact]
    public void Remap_DatasetRowOrder_DoesNotMatter()
    {
        var toy = Toy();
        var reversed = Dataset.Create(toy.Units.Reverse(), toy.IndicatorCodes, Reverse(toy.ToMatrix()));
        var a = BoundaryRemapper.Remap(toy, ToyPlan()).Dataset;
        var b = BoundaryRemapper.Remap(reversed, ToyPlan()).Dataset;
        Assert.Equal(a.Units.AsEnumerable(), b.Units.AsEnumerable());
        AssertNumeric.Close(a.Column("count").ToArray(), b.Column("count").ToArray());
        AssertNumeric.Close(a.Column("score").ToArray(), b.Column("score").ToArray(), 1e-15);
    }

    public static TheoryData<string> SinglePredecessors() => [.. SinglePredecessorCodes];

    [Theory]
    [MemberData(nameof(SinglePredecessors))]
    public void Remap_SinglePredecessor_ValuesUnchanged(string code)
    {
        // Odd values (pct 37.5, pop 0 so a weighted mean would be 0/0 if weights were read) must pass through.
        var toy = Toy((c, column, x) => c == code ? column switch { "pct" => 37.5, "pop" => 0, _ => x } : x);
        var result = BoundaryRemapper.Remap(toy, ToyPlan());
        foreach (var column in toy.IndicatorCodes)
        {
            Assert.Equal(toy.Value(code, column), result.Dataset.Value(code, column));
        }

        Assert.Equal(code, Assert.Single(result.Log[code].Predecessors).Code);
    }

    [Fact]
    public void Remap_SinglePredecessor_RenamedUnitKeepsValueUnderNewName()
    {
        // 46 Thừa Thiên Huế became 46 Huế.
        var result = BoundaryRemapper.Remap(Toy(), ToyPlan());
        Assert.Equal("Huế", result.Dataset.Units[result.Dataset.IndexOfUnit("46")].Name);
        AssertNumeric.Close(46, result.Dataset.Value("46", "count"));
    }

    [Fact]
    public void Remap_MissingValuePropagate_IsMissingAndLogged()
    {
        var toy = Toy((code, column, x) => code == "70" && column is "count" or "pop" ? double.NaN : x);
        var result = BoundaryRemapper.Remap(toy, ToyPlan());
        Assert.True(double.IsNaN(result.Dataset.Value("75", "count")));
        // pct is weighted by pop, and 70's weight is missing: missing too.
        Assert.True(double.IsNaN(result.Dataset.Value("75", "pct")));
        AssertNumeric.Close(0.725, result.Dataset.Value("75", "score"));
        var cell = result.Log["75"].Cell("count");
        Assert.Equal(RemapOutcome.Missing, cell.Outcome);
        Assert.Equal(["70"], cell.MissingPredecessorCodes.AsEnumerable());
        Assert.Equal(["70"], result.Log["75"].Cell("pct").MissingPredecessorCodes.AsEnumerable());
        Assert.Empty(result.Log["75"].AbsentPredecessors);
        Assert.Equal(3, result.Log.MissingValues.Count());
        Assert.Empty(result.Log.PartialSums);
    }

    [Fact]
    public void Remap_MissingValueUseAvailable_SumIsPartialAndFlagged()
    {
        var toy = Toy((code, column, x) => code == "70" && column is "count" or "pct" ? double.NaN : x);
        var result = BoundaryRemapper.Remap(DongNaiOverride(toy), ToyPlan(RemapMissingPolicy.UseAvailable));
        // count: 75 only = 75 (partial sum, flagged)
        AssertNumeric.Close(75, result.Dataset.Value("75", "count"));
        // pct: 70 dropped with its weight: (300 * 60) / 300 = 60
        AssertNumeric.Close(60, result.Dataset.Value("75", "pct"));
        var partialSum = Assert.Single(result.Log.PartialSums);
        Assert.Equal(("75", "count", RemapOutcome.Partial), (partialSum.UnitCode, partialSum.IndicatorCode, partialSum.Outcome));
        Assert.Equal(["70"], partialSum.MissingPredecessorCodes.AsEnumerable());
        Assert.Equal(2, result.Log.PartialValues.Count());
        Assert.Equal(RemapOutcome.Complete, result.Log["75"].Cell("pop").Outcome);
    }

    private static Dataset DongNaiOverride(Dataset toy) => toy.WithValue("75", "pop", 300).WithValue("75", "pct", 60);

    [Fact]
    public void Remap_AbsentPredecessorPropagate_SuccessorMissingAndLogged()
    {
        var result = BoundaryRemapper.Remap(Toy(without: ["70"]), ToyPlan());
        foreach (var column in new[] { "count", "pop", "pct", "score" })
        {
            Assert.True(double.IsNaN(result.Dataset.Value("75", column)), column);
        }

        var entry = result.Log["75"];
        Assert.Equal("70", Assert.Single(entry.AbsentPredecessors).Code);
        Assert.Equal(["70"], entry.Cell("count").MissingPredecessorCodes.AsEnumerable());
        Assert.Equal("75 Đồng Nai <- 70 Bình Phước + 75 Đồng Nai (absent: 70 Bình Phước)", entry.ToString());
        Assert.Equal(62, result.Log.InputUnitCount);
        Assert.Equal(4, result.Dataset.MissingCount);
        AssertNumeric.Close(230, result.Dataset.Value("79", "count"));
    }

    [Fact]
    public void Remap_AbsentPredecessorUseAvailable_MeanOfTheOthers()
    {
        var result = BoundaryRemapper.Remap(Toy(without: ["74"]), ToyPlan(RemapMissingPolicy.UseAvailable));
        // 79: (0.77 + 0.79) / 2 = 0.78
        AssertNumeric.Close(0.78, result.Dataset.Value("79", "score"));
        // 79: 77 + 79 = 156, a partial sum
        AssertNumeric.Close(156, result.Dataset.Value("79", "count"));
        Assert.Equal(["79 count", "79 pop"], result.Log.PartialSums.Select(c => c.UnitCode + " " + c.IndicatorCode));
    }

    [Theory]
    [InlineData(RemapMissingPolicy.Propagate)]
    [InlineData(RemapMissingPolicy.UseAvailable)]
    public void Remap_AllPredecessorsAbsent_MissingUnderEitherPolicy(RemapMissingPolicy policy)
    {
        var result = BoundaryRemapper.Remap(Toy(without: ["74", "77", "79"]), ToyPlan(policy));
        Assert.True(double.IsNaN(result.Dataset.Value("79", "count")));
        Assert.Equal(RemapOutcome.Missing, result.Log["79"].Cell("score").Outcome);
        Assert.Equal(3, result.Log["79"].AbsentPredecessors.Length);
    }

    [Fact]
    public void Remap_EmptyDataset_AllMissing()
    {
        var empty = Dataset.FromColumns([], [KeyValuePair.Create("count", Array.Empty<double>())]);
        var result = BoundaryRemapper.Remap(empty, RemapPlan.ForAll(["count"], RemapRule.Sum));
        Assert.Equal(34, result.Dataset.MissingCount);
        Assert.Equal(63, result.Log.AbsentPredecessors.Count());
    }

    [Fact]
    public void Remap_UnknownUnitCodes_ThrowsListingEveryBadCodeWithSuggestions()
    {
        var toy = Toy(without: ["70", "02", "75"]);
        var units = toy.Units.AddRange(new[] { Unit.Create("VN-58"), Unit.Create("2"), Unit.Create("99", "Đồng Nai") });
        var values = new double[units.Length, 1];
        var bad = Dataset.Create(units, ["count"], values);
        var e = Assert.Throws<ValidationException>(() => BoundaryRemapper.Remap(bad, RemapPlan.ForAll(["count"], RemapRule.Sum)));
        Assert.Equal(3, e.Report.Problems.Length);
        Assert.All(e.Report.Problems, p => Assert.Equal(ProblemCode.UnknownValue, p.Code));
        Assert.Equal(["VN-58", "2", "99"], e.Report.Problems.Select(p => p.UnitCode));
        Assert.Contains("Did you mean 70 Bình Phước?", e.Report.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean 02 Hà Giang?", e.Report.Problems[1].Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean 75 Đồng Nai?", e.Report.Problems[2].Message, StringComparison.Ordinal);
        Assert.Equal(ProblemCode.UnknownValue, e.Code);
    }

    [Fact]
    public void Remap_NameContradictsCode_Throws()
    {
        var data = Dataset.Create([Unit.Create("70", "Đồng Nai")], ["count"], new double[1, 1]);
        var e = Assert.Throws<ValidationException>(() => BoundaryRemapper.Remap(data, RemapPlan.ForAll(["count"], RemapRule.Sum)));
        var p = Assert.Single(e.Report.Problems);
        Assert.Equal("Unit code '70' is 70 Bình Phước, but the unit is named 'Đồng Nai', which is 75 Đồng Nai.", p.Message);
    }

    [Theory]
    [InlineData("46", "Huế")]
    [InlineData("79", "TP.HCM")]
    [InlineData("70", "Binh Phuoc")]
    [InlineData("75", "Dong Nai province")]
    public void Remap_NameAgreesWithCode_Accepted(string code, string name)
    {
        var data = Dataset.Create([Unit.Create(code, name)], ["count"], new double[,] { { 3 } });
        var result = BoundaryRemapper.Remap(data, RemapPlan.ForAll(["count"], RemapRule.Sum.WithMissingPolicy(RemapMissingPolicy.UseAvailable)));
        AssertNumeric.Close(3, result.Dataset.Value(Catalog.Successor(code).Code, "count"));
    }

    [Fact]
    public void Remap_SameCodeTwiceAfterTrim_ThrowsDuplicate()
    {
        var data = Dataset.Create([Unit.Create("70"), Unit.Create(" 70")], ["count"], new double[2, 1]);
        var e = Assert.Throws<ValidationException>(() => BoundaryRemapper.Remap(data, RemapPlan.ForAll(["count"], RemapRule.Sum)));
        Assert.Equal(ProblemCode.DuplicateUnit, Assert.Single(e.Report.Problems).Code);
    }

    [Fact]
    public void Remap_Dataset2025_ThrowsAlreadyInThatGeography()
    {
        var units = Catalog.Provinces(Geography.Provinces2025).Select(p => p.ToUnit()).ToList();
        var data = Dataset.Create(units, ["count"], new double[units.Count, 1]);
        var e = Assert.Throws<ValidationException>(() => BoundaryRemapper.Remap(data, RemapPlan.ForAll(["count"], RemapRule.Sum)));
        // Also reported: 2025 names that are other 2016 units (15 Lào Cai was 10 Lào Cai; 15 was Yên Bái).
        Assert.Contains(e.Report.Problems, p => p.Message.Contains("already in that geography", StringComparison.Ordinal));
        Assert.Contains(e.Report.Problems, p => p.UnitCode == "15" && p.Found == "Lào Cai");
    }

    [Fact]
    public void Remap_ColumnsWithoutRule_ThrowsListingEveryOne()
    {
        var plan = RemapPlan.Create([KeyValuePair.Create("count", RemapRule.Sum)]);
        var e = Assert.Throws<ValidationException>(() => BoundaryRemapper.Remap(Toy(), plan));
        Assert.Equal(["pop", "pct", "score"], e.Report.Problems.Select(p => p.IndicatorCode));
        Assert.All(e.Report.Problems, p => Assert.Equal(ProblemCode.InvalidParameter, p.Code));
        Assert.Equal([2, 3, 4], e.Report.Problems.Select(p => p.Column ?? 0));
    }

    [Fact]
    public void Remap_RuleOrWeightForAbsentColumn_Throws()
    {
        var plan = ToyPlan().With("pct", RemapRule.WeightedMean("households")).With("typo", RemapRule.Sum);
        var e = Assert.Throws<ValidationException>(() => BoundaryRemapper.Remap(Toy(), plan));
        Assert.Equal(["households", "typo"], e.Report.Problems.Select(p => p.IndicatorCode));
        Assert.All(e.Report.Problems, p => Assert.Equal(ProblemCode.MissingColumn, p.Code));
    }

    [Fact]
    public void Remap_ZeroWeights_ThrowsNamingTheNewUnit()
    {
        var toy = Toy((code, column, x) => column == "pop" && code is "70" or "75" or "30" or "31" ? 0 : x);
        var e = Assert.Throws<ValidationException>(() => BoundaryRemapper.Remap(toy, ToyPlan()));
        Assert.All(e.Report.Problems, p => Assert.Equal(ProblemCode.ZeroWeightSum, p.Code));
        Assert.Equal(["31", "75"], e.Report.Problems.Select(p => p.UnitCode));
        Assert.Equal(
            "The weights 'pop' of the predecessors of 75 Đồng Nai (70 Bình Phước, 75 Đồng Nai) sum to zero, so the weighted mean of 'pct' is undefined.",
            e.Report.Problems[1].Message);
        Assert.Equal("pct", e.Report.Problems[1].IndicatorCode);
    }

    [Fact]
    public void Remap_OneZeroWeight_OtherPredecessorDecides()
    {
        var toy = DongNaiCase().WithValue("70", "pop", 0);
        // 75: (0 * 20 + 300 * 60) / (0 + 300) = 60
        AssertNumeric.Close(60, BoundaryRemapper.Remap(toy, ToyPlan()).Dataset.Value("75", "pct"));
    }

    [Fact]
    public void Remap_NegativeWeight_Throws()
    {
        var toy = Toy().WithValue("70", "pop", -1);
        var e = Assert.Throws<ValidationException>(() => BoundaryRemapper.Remap(toy, ToyPlan().With("pop", RemapRule.Drop)));
        var p = Assert.Single(e.Report.Problems);
        Assert.Equal((ProblemCode.NegativeWeight, "70", "-1"), (p.Code, p.UnitCode, p.Found));
    }

    [Fact]
    public void Remap_Drop_ColumnLeftOutButStillWeighs()
    {
        var result = BoundaryRemapper.Remap(DongNaiCase(), ToyPlan().With("pop", RemapRule.Drop));
        Assert.Equal(["count", "pct", "score"], result.Dataset.IndicatorCodes.AsEnumerable());
        Assert.Equal(["pop"], result.Log.DroppedColumns.AsEnumerable());
        AssertNumeric.Close(50, result.Dataset.Value("75", "pct"));
        Assert.Throws<KeyNotFoundException>(() => result.Log["75"].Cell("pop"));
    }

    [Fact]
    public void Remap_MaximumAndMinimum_YesNoAnyAndAll()
    {
        var toy = Toy((code, column, x) => column == "score" ? (code == "70" ? 1 : 0) : x);
        var any = BoundaryRemapper.Remap(toy, ToyPlan().With("score", RemapRule.Maximum)).Dataset;
        var all = BoundaryRemapper.Remap(toy, ToyPlan().With("score", RemapRule.Minimum)).Dataset;
        // 75 = {70: yes, 75: no}: any = 1, all = 0
        Assert.Equal((1.0, 0.0), (any.Value("75", "score"), all.Value("75", "score")));
    }

    [Fact]
    public void TryRemap_Invalid_ReturnsEveryProblemAndNoResult()
    {
        var plan = RemapPlan.Create([KeyValuePair.Create("count", RemapRule.Sum)]);
        var result = BoundaryRemapper.TryRemap(Toy(), plan, null);
        Assert.False(result.Success);
        Assert.Equal(3, result.Report.Problems.Length);
    }

    [Fact]
    public void TryRemap_Valid_ReturnsResult()
    {
        var result = BoundaryRemapper.TryRemap(Toy(), ToyPlan(), Catalog);
        Assert.True(result.Success);
        Assert.True(result.Report.IsValid);
        Assert.Equal("RemapResult: Dataset: 34 units x 4 indicators, 0 missing", result.Value.ToString());
    }

    [Fact]
    public void RemapScores_Dictionary_MeanOfPredecessors()
    {
        // Hypothetical main-index values: 30 Hải Dương 0.70, 31 Hải Phòng 0.80, 01 Hà Nội 0.82.
        var scores = new Dictionary<string, double> { ["30"] = 0.70, ["31"] = 0.80, ["01"] = 0.82, ["70"] = 0.5 };
        var remapped = BoundaryRemapper.RemapScores(scores);
        Assert.Equal(34, remapped.Count);
        // 31 Hải Phòng 2025 = (0.70 + 0.80) / 2 = 0.75
        AssertNumeric.Close(0.75, remapped["31"]);
        AssertNumeric.Close(0.82, remapped["01"]);
        // 75 Đồng Nai: 75 has no value: missing under Propagate, 0.5 under UseAvailable.
        Assert.True(double.IsNaN(remapped["75"]));
        AssertNumeric.Close(0.5, BoundaryRemapper.RemapScores(scores, RemapMissingPolicy.UseAvailable)["75"]);
        Assert.Equal("01", remapped.Keys.First());
    }

    [Fact]
    public void RemapScores_DictionaryWithBadCode_Throws()
    {
        var e = Assert.Throws<ValidationException>(() => BoundaryRemapper.RemapScores(new Dictionary<string, double> { ["HP"] = 0.7, ["31"] = 0.8 }));
        Assert.Equal("HP", Assert.Single(e.Report.Problems).UnitCode);
    }

    [Fact]
    public void RemapScores_Dataset_EveryColumnAveraged()
    {
        var main = Dataset.Create(
            [Unit.Create("30"), Unit.Create("31")],
            ["nhan_thuc_so", "the_che_so"],
            new double[,] { { 0.6, 0.9 }, { 0.8, 0.7 } });
        var result = BoundaryRemapper.RemapScores(main);
        // (0.6 + 0.8) / 2 = 0.7; (0.9 + 0.7) / 2 = 0.8
        AssertNumeric.Close(0.7, result.Dataset.Value("31", "nhan_thuc_so"));
        AssertNumeric.Close(0.8, result.Dataset.Value("31", "the_che_so"));
        Assert.Equal("mean", result.Log.Plan["the_che_so"].ToString());
    }

    [Fact]
    public void RemapScores_MeanOfMainIndices_EqualsMeanOfWeightedSums()
    {
        // DTI = weighted sum of main indices; weights 0.4 and 0.6 here.
        // 30: 0.4 * 0.6 + 0.6 * 0.9 = 0.78; 31: 0.4 * 0.8 + 0.6 * 0.7 = 0.74; mean = 0.76
        // remapped indices 0.7 and 0.8: 0.4 * 0.7 + 0.6 * 0.8 = 0.76
        var main = Dataset.Create([Unit.Create("30"), Unit.Create("31")], ["a", "b"], new double[,] { { 0.6, 0.9 }, { 0.8, 0.7 } });
        var r = BoundaryRemapper.RemapScores(main).Dataset;
        var dti = BoundaryRemapper.RemapScores(new Dictionary<string, double> { ["30"] = 0.78, ["31"] = 0.74 });
        AssertNumeric.Close(dti["31"], (0.4 * r.Value("31", "a")) + (0.6 * r.Value("31", "b")));
        AssertNumeric.Close(0.76, dti["31"]);
    }

    [Fact]
    public void Remap_Real2016Population_SumPreservedAndUrbanShareConsistent()
    {
        var (codes, columns, values) = Vn2016Extract.Parse();
        Assert.Equal(63, codes.Length);
        var data = Dataset.FromColumns(
            codes.Select(c => Catalog.Get(c, Geography.Provinces2016).ToUnit()),
            columns.Select((c, j) => KeyValuePair.Create(c, values[j])));
        var urbanPct = data.Column("population_urban_thousand").ToArray().Zip(data.Column("population_avg_thousand").ToArray(), (u, p) => 100 * u / p).ToArray();
        data = data.WithColumn("urban_pct", urbanPct);
        var plan = RemapPlan.Create(
        [
            KeyValuePair.Create("area_km2", RemapRule.Sum),
            KeyValuePair.Create("population_avg_thousand", RemapRule.Sum),
            KeyValuePair.Create("population_urban_thousand", RemapRule.Sum),
            KeyValuePair.Create("urban_pct", RemapRule.WeightedMean("population_avg_thousand")),
        ]);

        var result = BoundaryRemapper.Remap(data, plan);

        var pop = result.Dataset.Column("population_avg_thousand").ToArray();
        // GSO 2016: 92,695.1 thousand people in the 63 units, and so in the 34.
        AssertNumeric.Close(92695.1, data.Column("population_avg_thousand").ToArray().Sum(), 1e-12);
        AssertNumeric.Close(92695.1, pop.Sum(), 1e-12);
        // 75 Đồng Nai = 70 Bình Phước 956.4 + 75 Đồng Nai 2,963.8 = 3,920.2 (rows of vn_provinces_2016.csv)
        AssertNumeric.Close(3920.2, result.Dataset.Value("75", "population_avg_thousand"));
        for (var i = 0; i < result.Dataset.UnitCount; i++)
        {
            // population-weighted mean of 100 u / p = 100 * sum(u) / sum(p)
            AssertNumeric.Close(100 * result.Dataset[i, 2] / result.Dataset[i, 1], result.Dataset[i, 3], 1e-12, result.Dataset.Units[i].Code);
        }

        Assert.Equal("RemapLog: 63 -> 34 units, 4 columns (0 dropped), 0 absent predecessors, 0 missing, 0 partial (0 partial sums)", result.Log.ToString());
    }

    private static double[,] Reverse(double[,] m)
    {
        var n = m.GetLength(0);
        var r = new double[n, m.GetLength(1)];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < m.GetLength(1); j++)
            {
                r[n - 1 - i, j] = m[i, j];
            }
        }

        return r;
    }
}
