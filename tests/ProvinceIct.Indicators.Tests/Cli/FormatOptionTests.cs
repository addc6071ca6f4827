using System.Xml.Linq;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests.Cli;

public class FormatOptionTests : CliRunner
{
    [Fact]
    public void Rank_FormatHtml_PrintsTheRankingTableFragment()
    {
        var (code, output, _) = Run("rank", "--format", "html", "--top", "3");
        Assert.Equal(0, code);
        var root = XElement.Parse(output);
        Assert.Equal("ranking", (string?)root.Attribute("class"));
        Assert.Equal(3, root.Descendants("tbody").Single().Elements("tr").Count());
    }

    [Fact]
    public void Rank_FormatTsv_HasTheCsvKeysSeparatedByTabs()
    {
        var (code, output, _) = Run("rank", "--format", "tsv", "--top", "2");
        Assert.Equal(0, code);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("rank\tunit_code\tunit_name\tscore\t", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Uncertainty_FormatMarkdown_PrintsTheUncertaintyTable()
    {
        var (code, output, _) = Run("uncertainty", "--runs", "50", "--seed", "3", "--threads", "1", "--weights-noise", "0.25", "--format", "markdown");
        Assert.Equal(0, code);
        Assert.StartsWith("### Rank uncertainty of ", output, StringComparison.Ordinal);
        Assert.Contains("| Nominal rank | Code | Unit | Median rank |", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_FormatCsv_LongTableOfTheAuditSections()
    {
        var (code, output, err) = Run("audit", "--format", "csv");
        Assert.True(code == 0, err);
        Assert.StartsWith("section,code,measure,value\n", output, StringComparison.Ordinal);
        Assert.Contains("\nleave_one_out,", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Audit_FormatHtml_WellFormedFragment()
    {
        var (code, output, err) = Run("audit", "--format", "html");
        Assert.True(code == 0, err);
        Assert.Equal("audit", (string?)XElement.Parse(output).Attribute("class"));
    }

    [Fact]
    public void Audit_FormatTsv_OneLineErrorNamingTheAcceptedFormats()
    {
        var (code, _, err) = Run("audit", "--format", "tsv");
        Assert.Equal(2, code);
        Assert.StartsWith("error: --format: 'tsv' is not one of: table, markdown, html, csv, xlsx.", err, StringComparison.Ordinal);
        Assert.Equal(2, err.TrimEnd().Split('\n').Length); // the error, then the usage hint
    }

    [Theory]
    [InlineData("audit", "Output format: table, markdown, html, csv, xlsx (default: markdown).")]
    [InlineData("report", "Output format: markdown, html (default: html).")]
    [InlineData("target", "Output format: table, markdown, html, csv, tsv (default: table).")]
    [InlineData("what-if", "Output format: table, markdown, html, csv, tsv (default: table).")]
    [InlineData("sensitivity", "Output format: table, markdown, html, csv, tsv (default: table).")]
    public void Help_Command_ListsTheFormatsItAccepts(string command, string expected)
    {
        var (code, output, _) = Run(command, "--help");
        Assert.Equal(0, code);
        Assert.Contains(expected, System.Text.RegularExpressions.Regex.Replace(output, @"\s+", " "), StringComparison.Ordinal);
    }

    [Fact]
    public void Target_FormatCsv_OneRowWithTheAnswer()
    {
        var (code, output, err) = Run("target", "--unit", "70", "--indicator", "income_per_capita_kvnd", "--rank", "12", "--format", "csv");
        Assert.True(code == 0, err);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Equal("unit,indicator,goal,target,outcome,current_value,proposed_value,change,range_lower,range_upper,rank_before,rank_after,score_before,score_after", lines[0]);
        Assert.StartsWith("70,income_per_capita_kvnd,rank,12,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Target_BudgetFormatMarkdown_MessageThenGrid()
    {
        var (code, output, err) = Run("target", "--unit", "70", "--budget", "income_per_capita_kvnd,poverty_pct", "--rank", "12", "--format", "markdown");
        Assert.True(code == 0, err);
        Assert.Contains("\n\n| indicator | current | proposed | change | weight share | at limit |\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void WhatIf_FormatCsv_IndexRowBeforeAndAfter()
    {
        var (code, output, err) = Run("what-if", "--unit", "70", "--set", "poverty_pct=1", "--format", "csv");
        Assert.True(code == 0, err);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal("node,level,score_before,score_after,rank_before,rank_after,rank_change", lines[0]);
        Assert.Single(lines, l => l.StartsWith("open_readiness_2016,", StringComparison.Ordinal));
    }

    [Fact]
    public void WhatIf_Table_TitleNamesTheChange()
    {
        var (code, output, err) = Run("what-if", "--unit", "70", "--set", "poverty_pct=1");
        Assert.True(code == 0, err);
        Assert.StartsWith("What if unit 70 had poverty_pct = 1\n", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("poverty_pct")]
    [InlineData("nope=1")]
    [InlineData("poverty_pct=x")]
    public void WhatIf_BadSet_Exit2(string set) => Assert.Equal(2, Run("what-if", "--unit", "70", "--set", set).Code);

    [Fact]
    public void Report_FormatMarkdown_WritesRankingAndAudit()
    {
        var target = Path.Combine(Dir, "report.md");
        var (code, _, err) = Run("report", "--output", target, "--format", "markdown");
        Assert.True(code == 0, err);
        var text = File.ReadAllText(target);
        Assert.StartsWith("## Open-data Provincial Readiness Index 2016", text, StringComparison.Ordinal);
        Assert.Contains("\n# Statistical audit: ", text, StringComparison.Ordinal);
        Assert.Equal(2, Run("report", "--output", target, "--format", "markdown", "--unit", "70").Code);
    }
}
