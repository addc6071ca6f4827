using System.Globalization;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Cli;
using ProvinceIct.Indicators.Cli.Explore;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Methods;
using ProvinceIct.Indicators.Normalisation;
using ProvinceIct.Indicators.Presets;
using ProvinceIct.Indicators.Tests.Support;
using Xunit.Abstractions;

namespace ProvinceIct.Indicators.Tests.Cli.Explore;

/// <summary>
/// The real page in Debian's headless Chromium through Selenium WebDriver: move a slider with the keyboard, change an
/// aggregator, check that the table re-ranks to exactly what the library computes, export the methodology and
/// recompute it, and save a screenshot under artifacts/. Without chromium and chromedriver the test passes with a note
/// locally, and fails under CI=true (.ci/run installs them).
/// </summary>
public sealed class ExploreBrowserTests(ExploreTestServer fixture, ITestOutputHelper output) : IClassFixture<ExploreTestServer>
{
    internal const string Chromium = "/usr/bin/chromium";
    internal const string Driver = "/usr/bin/chromedriver";

    [Fact]
    public void Page_SliderAndAggregator_TableReRanksToTheLibrarysNumbers()
    {
        if (!BrowserAvailable())
        {
            return;
        }

        using var driver = StartBrowser("en");
        var wait = new WebDriverWait(driver, TimeSpan.FromSeconds(60));
        driver.Navigate().GoToUrl(fixture.Base);
        WaitIdle(driver, wait);
        Assert.NotEmpty(driver.FindElements(By.CssSelector("table.explore-ranking tbody tr")));

        // Move the infrastructure pillar's slider with the keyboard: four steps of 0.05 up from 1; its number box follows.
        var slider = driver.FindElement(By.Id("w-infra"));
        Assert.StartsWith("Weight of ", driver.FindElement(By.CssSelector("label[for='w-infra']")).GetAttribute("textContent"), StringComparison.Ordinal);
        slider.SendKeys(Keys.ArrowRight + Keys.ArrowRight + Keys.ArrowRight + Keys.ArrowRight);
        WaitIdle(driver, wait);
        var weight = double.Parse(slider.GetAttribute("value")!, CultureInfo.InvariantCulture);
        Assert.Equal(1.2, weight, 10);
        Assert.Equal("1.2", driver.FindElement(By.Id("wn-infra")).GetAttribute("value"));

        // Type the human-capacity pillar's weight in its number box: the slider follows.
        var box = driver.FindElement(By.Id("wn-human"));
        box.Clear();
        box.SendKeys("2.5" + Keys.Tab);
        WaitIdle(driver, wait);
        Assert.Equal(2.5, double.Parse(driver.FindElement(By.Id("w-human")).GetAttribute("value")!, CultureInfo.InvariantCulture), 10);

        // Change the normaliser of the infrastructure pillar's indicators to ranks (the per-node normaliser selector).
        var pillarNormaliser = new SelectElement(driver.FindElement(By.Id("na-infra")));
        var rankText = pillarNormaliser.Options.Select(o => o.GetAttribute("value")!).First(v => v.StartsWith("rank", StringComparison.Ordinal));
        pillarNormaliser.SelectByValue(rankText);
        WaitIdle(driver, wait);

        // Change the index's aggregator to the geometric mean.
        var index = OpenReadiness2016.Methodology.Framework.IndexCode;
        new SelectElement(driver.FindElement(By.Id("a-" + index))).SelectByValue("geometric");
        WaitIdle(driver, wait);

        var rank = MethodRegistry.Default.Parse<Normaliser>(rankText);
        var fw = OpenReadiness2016.Methodology.Framework.WithWeight("infra", weight).WithWeight("human", 2.5);
        fw = fw.Replace(fw[index] with { Aggregator = ProvinceIct.Indicators.Aggregation.Aggregator.GeometricMean });
        foreach (var indicator in fw.Children("infra"))
        {
            Assert.Equal(rankText, new SelectElement(driver.FindElement(By.Id("n-" + indicator.Code))).SelectedOption.GetAttribute("value"));
            fw = fw.Replace(indicator with { Normaliser = rank });
        }

        var expected = IndexCalculator.Compute(OpenReadiness2016.Methodology with { Framework = fw }, OpenReadiness2016.Dataset);
        var screen = AssertTableIs(driver, expected);
        Assert.Contains(driver.FindElements(By.CssSelector("table.explore-ranking tbody tr")), r => r.GetAttribute("class") is "up" or "down");

        // Export the methodology from the page, save it, and run `ictindex compute --methodology exported.json`: the
        // screen's ranking exactly (every rank, every score as shown, and the library's score to the last bit).
        var json = (string?)((IJavaScriptExecutor)driver).ExecuteAsyncScript("const done = arguments[arguments.length - 1]; window.explore.exportText('methodology').then(done, e => done('failed: ' + e));");
        var dir = Path.Combine(RepositoryPaths.Root, "artifacts");
        Directory.CreateDirectory(dir);
        var exportedPath = Path.Combine(dir, "explore-exported.methodology.json");
        File.WriteAllText(exportedPath, json);
        var computed = ComputeWithCli(exportedPath);
        Assert.Equal(screen.Count, computed.Count);
        foreach (var (code, (shownRank, shownScore)) in screen)
        {
            Assert.Equal(shownRank, computed[code].Rank);
            Assert.Equal(shownScore, computed[code].Score.ToString("F2", CultureInfo.InvariantCulture));
            Assert.Equal(expected.Score(code), computed[code].Score);
        }

        // A unit's panel, then the screenshots: the top of the page, and the controls with the changed pillar.
        new SelectElement(driver.FindElement(By.Id("unit"))).SelectByValue("48");
        wait.Until(d => d.FindElement(By.Id("unit-panel")).FindElements(By.TagName("svg")).Count > 0);
        Screenshot(driver, "explore-browser.png");
        ((IJavaScriptExecutor)driver).ExecuteScript("document.getElementById('w-infra').scrollIntoView({ block: 'start' });");
        Screenshot(driver, "explore-browser-controls.png", top: false);
        Assert.Equal(string.Empty, driver.FindElement(By.Id("errors")).Text);

        // Reset to nominal, by keyboard: the nominal ranking, the nominal weights and methods back in the controls.
        var reset = driver.FindElement(By.Id("reset"));
        reset.SendKeys(Keys.Enter);
        WaitIdle(driver, wait);
        AssertTableIs(driver, IndexCalculator.Compute(OpenReadiness2016.Methodology, OpenReadiness2016.Dataset));
        Assert.Equal("1", driver.FindElement(By.Id("wn-human")).GetAttribute("value"));
        Assert.Equal("1", driver.FindElement(By.Id("w-infra")).GetAttribute("value"));
        Assert.Empty(driver.FindElements(By.CssSelector("table.explore-ranking tbody tr.up, table.explore-ranking tbody tr.down")));
    }

    [Fact]
    public void Page_EveryControl_HasALabelAndTheKeyboard()
    {
        if (!BrowserAvailable())
        {
            return;
        }

        using var driver = StartBrowser("en");
        var wait = new WebDriverWait(driver, TimeSpan.FromSeconds(60));
        driver.Navigate().GoToUrl(fixture.Base);
        WaitIdle(driver, wait);
        var unlabelled = (IReadOnlyCollection<object>)((IJavaScriptExecutor)driver).ExecuteScript(
            "return [...document.querySelectorAll('input, select, button, textarea')].filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby') && !e.textContent.trim()).map(e => e.id || e.outerHTML);")!;
        Assert.Empty(unlabelled);

        // Keyboard: no control is taken out of the tab order, and the scrolling ranking can be focused and scrolled.
        var untabbable = (IReadOnlyCollection<object>)((IJavaScriptExecutor)driver).ExecuteScript(
            "return [...document.querySelectorAll('input, select, button, a[href]')].filter(e => e.tabIndex < 0).map(e => e.id || e.outerHTML);")!;
        Assert.Empty(untabbable);
        var region = driver.FindElement(By.Id("ranking-table"));
        Assert.Equal("0", region.GetAttribute("tabindex"));
        region.SendKeys(Keys.PageDown);
        wait.Until(d => Convert.ToDouble(((IJavaScriptExecutor)d).ExecuteScript("return document.getElementById('ranking-table').scrollTop;"), CultureInfo.InvariantCulture) > 0);
        var controls = Convert.ToInt64(((IJavaScriptExecutor)driver).ExecuteScript("return document.querySelectorAll('input[type=number][id^=wn-], select[id^=na-], select[id^=a-], select[id^=n-]').length;"), CultureInfo.InvariantCulture);
        var fw = OpenReadiness2016.Methodology.Framework;
        Assert.Equal((fw.Nodes.Length - 1) + fw.Nodes.Length + fw.Aggregates.Length, controls); // a number box per weight, a method per node, a normaliser per aggregate
    }

    [Fact]
    public async Task Page_Vietnamese_EveryTextInVietnameseWithoutEntities()
    {
        if (!BrowserAvailable())
        {
            return;
        }

        await using var server = await ExploreServer.StartAsync(new ExploreSession(OpenReadiness2016.Methodology, OpenReadiness2016.Dataset), "vi");
        using var driver = StartBrowser("vi");
        var wait = new WebDriverWait(driver, TimeSpan.FromSeconds(60));
        driver.Navigate().GoToUrl(server.Url);
        WaitIdle(driver, wait);
        Assert.Equal("vi", driver.FindElement(By.TagName("html")).GetAttribute("lang"));
        Assert.Equal(ExploreText.Get("vi", "title"), driver.FindElement(By.TagName("h1")).Text);
        var fw = OpenReadiness2016.Methodology.Framework;
        Assert.Equal(fw[fw.IndexCode].NameVi, driver.FindElement(By.Id("index-name")).Text);
        Assert.StartsWith(fw[fw.IndexCode].NameVi!, driver.FindElement(By.CssSelector("table.explore-ranking caption")).Text, StringComparison.Ordinal);
        Assert.StartsWith(ExploreText.Get("vi", "weightOf") + " ", driver.FindElement(By.CssSelector("label[for='w-infra']")).GetAttribute("textContent"), StringComparison.Ordinal);
        Assert.Equal(ExploreText.Get("vi", "normaliserUnder"), driver.FindElement(By.CssSelector("label[for='na-infra']")).Text);
        Assert.Equal(ExploreText.Get("vi", "reset"), driver.FindElement(By.Id("reset")).Text);
        Assert.Contains(ExploreText.Get("vi", "roundTrip"), driver.FindElement(By.Id("status")).Text, StringComparison.Ordinal);
        Assert.Contains(driver.FindElements(By.CssSelector("table.explore-ranking thead th")), th => th.Text == ExploreText.Get("vi", "rank"));
        Assert.Contains("Đà Nẵng", driver.FindElement(By.Id("ranking-table")).Text, StringComparison.Ordinal);

        // The page's own markup carries Vietnamese letters as UTF-8, never as numeric entities.
        using var client = new HttpClient();
        var html = await client.GetStringAsync(server.Url);
        Assert.DoesNotContain("&#", html, StringComparison.Ordinal);
        Assert.Contains(ExploreText.Get("vi", "title"), html, StringComparison.Ordinal);

        new SelectElement(driver.FindElement(By.Id("unit"))).SelectByValue("48");
        wait.Until(d => d.FindElement(By.Id("unit-panel")).FindElements(By.TagName("svg")).Count > 0);
        Screenshot(driver, "explore-browser-vi.png");
        Assert.Equal(string.Empty, driver.FindElement(By.Id("errors")).Text);
    }

    private bool BrowserAvailable()
    {
        if (File.Exists(Chromium) && File.Exists(Driver))
        {
            return true;
        }

        Assert.False(Environment.GetEnvironmentVariable("CI") == "true", $"CI=true but {Chromium} or {Driver} is missing: install Debian's chromium and chromium-driver (.ci/run does).");
        output.WriteLine("skipped: chromium or chromedriver is not installed (apt-get install chromium chromium-driver)");
        return false;
    }

    internal static ChromeDriver StartBrowser(string language)
    {
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver)!, Path.GetFileName(Driver));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1800", "--lang=" + language);
        var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(120));
        driver.Manage().Timeouts().AsynchronousJavaScript = TimeSpan.FromSeconds(60);
        return driver;
    }

    private void Screenshot(ChromeDriver driver, string name, bool top = true)
    {
        if (top)
        {
            ((IJavaScriptExecutor)driver).ExecuteScript("window.scrollTo(0, 0);");
        }

        var dir = Path.Combine(RepositoryPaths.Root, "artifacts");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        ((ITakesScreenshot)driver).GetScreenshot().SaveAsFile(path);
        output.WriteLine("screenshot: " + path + "; status: " + driver.FindElement(By.Id("status")).Text);
    }

    /// <summary>Runs <c>ictindex compute --methodology FILE --data DATA --format long-csv</c> in process; the index's score and rank by unit.</summary>
    private static Dictionary<string, (double Score, double Rank)> ComputeWithCli(string methodology)
    {
        var dir = Directory.CreateTempSubdirectory("explore-browser").FullName;
        try
        {
            var data = Path.Combine(dir, "data.csv");
            WideCsv.Save(OpenReadiness2016.Dataset, data);
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            var code = IctIndexCli.Run(["compute", "--methodology", methodology, "--data", data, "--format", "long-csv"], stdout, stderr);
            Assert.True(code == 0, stderr.ToString());
            var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("unit_code,unit_name,node_code,level,score,rank", lines[0]);
            var index = OpenReadiness2016.Methodology.Framework.IndexCode;
            // Counted from the end: a unit name may hold a quoted comma.
            return lines.Skip(1).Select(l => l.Split(',')).Where(c => c[^4] == index)
                .ToDictionary(c => c[0], c => (double.Parse(c[^2], CultureInfo.InvariantCulture), double.Parse(c[^1], CultureInfo.InvariantCulture)));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    internal static void WaitIdle(IWebDriver driver, WebDriverWait wait) =>
        wait.Until(d => ((IJavaScriptExecutor)d).ExecuteScript("return !!(window.explore && window.explore.idle() && document.querySelector('table.explore-ranking'));") is true);

    /// <summary>Checks the ranking table against a result; returns what it shows: rank and score text by unit code.</summary>
    internal static Dictionary<string, (double Rank, string Score)> AssertTableIs(ChromeDriver driver, IndexResult expected)
    {
        var shown = new Dictionary<string, (double Rank, string Score)>(StringComparer.Ordinal);
        var rows = driver.FindElements(By.CssSelector("table.explore-ranking tbody tr"));
        Assert.Equal(expected.Units.Length, rows.Count);
        var previous = 0.0;
        foreach (var row in rows)
        {
            var cells = row.FindElements(By.CssSelector("td, th"));
            var rank = double.Parse(cells[0].Text, CultureInfo.InvariantCulture);
            var code = cells[2].Text;
            Assert.Equal(expected.Rank(code), rank);
            Assert.Equal(expected.Score(code).ToString("F2", CultureInfo.InvariantCulture), cells[4].Text);
            Assert.True(rank >= previous, "rows out of rank order");
            previous = rank;
            shown[code] = (rank, cells[4].Text);
        }

        return shown;
    }
}
