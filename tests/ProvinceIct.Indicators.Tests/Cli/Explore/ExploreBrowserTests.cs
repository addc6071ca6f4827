using System.Globalization;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.IO;
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
    private const string Chromium = "/usr/bin/chromium";
    private const string Driver = "/usr/bin/chromedriver";

    [Fact]
    public void Page_SliderAndAggregator_TableReRanksToTheLibrarysNumbers()
    {
        if (!File.Exists(Chromium) || !File.Exists(Driver))
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", $"CI=true but {Chromium} or {Driver} is missing: install Debian's chromium and chromium-driver (.ci/run does).");
            output.WriteLine("skipped: chromium or chromedriver is not installed (apt-get install chromium chromium-driver)");
            return;
        }

        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver)!, Path.GetFileName(Driver));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1800", "--lang=en");
        using var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(120));
        driver.Manage().Timeouts().AsynchronousJavaScript = TimeSpan.FromSeconds(60);
        var wait = new WebDriverWait(driver, TimeSpan.FromSeconds(60));
        driver.Navigate().GoToUrl(fixture.Base);
        WaitIdle(driver, wait);
        Assert.NotEmpty(driver.FindElements(By.CssSelector("table.explore-ranking tbody tr")));

        // Move the infrastructure pillar's slider with the keyboard: four steps of 0.05 up from 1.
        var slider = driver.FindElement(By.Id("w-infra"));
        Assert.StartsWith("Weight of ", driver.FindElement(By.CssSelector("label[for='w-infra']")).GetAttribute("textContent"), StringComparison.Ordinal);
        slider.SendKeys(Keys.ArrowRight + Keys.ArrowRight + Keys.ArrowRight + Keys.ArrowRight);
        WaitIdle(driver, wait);
        var weight = double.Parse(slider.GetAttribute("value")!, CultureInfo.InvariantCulture);
        Assert.Equal(1.2, weight, 10);

        // Change the index's aggregator to the geometric mean, by keyboard on the select.
        var index = OpenReadiness2016.Methodology.Framework.IndexCode;
        var select = new SelectElement(driver.FindElement(By.Id("a-" + index)));
        select.SelectByValue("geometric");
        WaitIdle(driver, wait);

        var fw = OpenReadiness2016.Methodology.Framework.WithWeight("infra", weight);
        fw = fw.Replace(fw[index] with { Aggregator = ProvinceIct.Indicators.Aggregation.Aggregator.GeometricMean });
        var expected = IndexCalculator.Compute(OpenReadiness2016.Methodology with { Framework = fw }, OpenReadiness2016.Dataset);
        AssertTableIs(driver, expected);
        Assert.Contains(driver.FindElements(By.CssSelector("table.explore-ranking tbody tr")), r => r.GetAttribute("class") is "up" or "down");

        // Export the methodology from the page and recompute it with the library: the same ranking.
        var json = (string?)((IJavaScriptExecutor)driver).ExecuteAsyncScript("const done = arguments[arguments.length - 1]; window.explore.exportText('methodology').then(done, e => done('failed: ' + e));");
        var exported = MethodologyJson.Deserialize(json ?? string.Empty);
        AssertTableIs(driver, IndexCalculator.Compute(exported, OpenReadiness2016.Dataset));

        // A unit's panel, then the screenshot.
        new SelectElement(driver.FindElement(By.Id("unit"))).SelectByValue("48");
        wait.Until(d => d.FindElement(By.Id("unit-panel")).FindElements(By.TagName("svg")).Count > 0);
        var dir = Path.Combine(RepositoryPaths.Root, "artifacts");
        Directory.CreateDirectory(dir);
        ((IJavaScriptExecutor)driver).ExecuteScript("window.scrollTo(0, 0);");
        var path = Path.Combine(dir, "explore-browser.png");
        ((ITakesScreenshot)driver).GetScreenshot().SaveAsFile(path);
        output.WriteLine("screenshot: " + path + "; status: " + driver.FindElement(By.Id("status")).Text);
        Assert.Equal(string.Empty, driver.FindElement(By.Id("errors")).Text);
    }

    private static void WaitIdle(IWebDriver driver, WebDriverWait wait) =>
        wait.Until(d => ((IJavaScriptExecutor)d).ExecuteScript("return !!(window.explore && window.explore.idle() && document.querySelector('table.explore-ranking'));") is true);

    private static void AssertTableIs(ChromeDriver driver, IndexResult expected)
    {
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
        }
    }
}
