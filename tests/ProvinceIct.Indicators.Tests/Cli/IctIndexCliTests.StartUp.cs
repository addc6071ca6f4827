using System.Reflection;
using System.Runtime.Loader;
using ProvinceIct.Indicators.Cli;
using ProvinceIct.Indicators.Geography;
using ProvinceIct.Indicators.Presets;

namespace ProvinceIct.Indicators.Tests.Cli;

/// <summary>
/// Start-up cost: building the command tree, parsing and printing help load nothing that the command does not use.
/// The library and the tool are loaded afresh into a context of their own, so their lazily loaded statics start
/// unloaded whatever the other tests of this process have loaded.
/// </summary>
public sealed partial class IctIndexCliTests
{
    [Theory]
    [InlineData("--version")]
    [InlineData("--help")]
    [InlineData("compare", "--help")]
    [InlineData("history", "--help")]
    [InlineData("provinces", "--help")]
    [InlineData("compute", "--format", "csv", "--bogus")]
    public void Run_CommandNotUsingThem_LoadsNeitherPublishedRecordNorCatalogue(params string[] args)
    {
        using var fresh = new FreshCli();
        var code = fresh.Run(args);

        Assert.True(code is 0 or ExitCodes.BadArguments, $"exit code {code}");
        Assert.False(fresh.IsLoaded(typeof(PublishedResults), "LazyDefault"), "the published record was loaded");
        Assert.False(fresh.IsLoaded(typeof(ProvinceCatalog), "DefaultCatalog"), "the province catalogue was loaded");
    }

    [Fact]
    public void Run_ComputeOnEmbeddedData_LoadsCatalogueButNotPublishedRecord()
    {
        using var fresh = new FreshCli();
        var (code, err) = fresh.RunCapturingErrors("compute", "--preset", "open-readiness-2016", "--format", "csv");

        Assert.True(code == 0, err);
        Assert.True(fresh.IsLoaded(typeof(ProvinceCatalog), "DefaultCatalog"), "the embedded data names its provinces through the catalogue");
        Assert.False(fresh.CatalogueNamesIndexed(), "the data gives codes: no name was matched, so no name index is needed");
        Assert.False(fresh.IsLoaded(typeof(PublishedResults), "LazyDefault"), "the published record was loaded");
    }

    [Fact]
    public void Run_History_LoadsPublishedRecord()
    {
        // The check above is not vacuous: the same probe sees the record once a command uses it.
        using var fresh = new FreshCli();
        var code = fresh.Run("history", "Bình Phước", "--format", "csv");

        Assert.Equal(0, code);
        Assert.True(fresh.IsLoaded(typeof(PublishedResults), "LazyDefault"), "history reads the published record");
    }

    /// <summary>The tool and the library in a collectible load context of their own (everything else is shared).</summary>
    private sealed class FreshCli : AssemblyLoadContext, IDisposable
    {
        private static readonly string[] Isolated = [typeof(IctIndexCli).Assembly.GetName().Name!, typeof(PublishedResults).Assembly.GetName().Name!];

        public FreshCli()
            : base("fresh-ictindex", isCollectible: true)
        {
        }

        /// <summary>Runs the command line of the fresh copy with English texts and discarded output.</summary>
        public int Run(params string[] args) => RunCapturingErrors(args).Code;

        /// <summary>Runs the command line of the fresh copy with English texts; returns the exit code and the standard error.</summary>
        public (int Code, string Err) RunCapturingErrors(params string[] args)
        {
            var cli = Copy(typeof(IctIndexCli));
            var run = cli.GetMethod(nameof(IctIndexCli.Run), BindingFlags.NonPublic | BindingFlags.Static, [typeof(string[]), typeof(TextWriter), typeof(TextWriter), typeof(string), typeof(CancellationToken)])!;
            using var stderr = new StringWriter();
            var code = (int)run.Invoke(null, [args, TextWriter.Null, stderr, "en", CancellationToken.None])!;
            return (code, stderr.ToString());
        }

        /// <summary>Whether the fresh copy's static <c>Lazy</c> field of <paramref name="type"/> has created its value.</summary>
        public bool IsLoaded(Type type, string lazyField)
        {
            var lazy = Copy(type).GetField(lazyField, BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
            return (bool)lazy.GetType().GetProperty("IsValueCreated")!.GetValue(lazy)!;
        }

        /// <summary>Whether the fresh copy's default catalogue has built a name index (it does on the first match by name).</summary>
        public bool CatalogueNamesIndexed()
        {
            var type = Copy(typeof(ProvinceCatalog));
            var catalogue = type.GetProperty(nameof(ProvinceCatalog.Default))!.GetValue(null)!;
            return new[] { "index2016", "index2025" }.Any(name =>
            {
                var lazy = type.GetField(name, BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(catalogue)!;
                return (bool)lazy.GetType().GetProperty("IsValueCreated")!.GetValue(lazy)!;
            });
        }

        public void Dispose() => Unload();

        protected override Assembly? Load(AssemblyName assemblyName) =>
            Isolated.Contains(assemblyName.Name) ? LoadFromAssemblyPath(Path.Combine(AppContext.BaseDirectory, assemblyName.Name + ".dll")) : null;

        private Type Copy(Type type)
        {
            var copy = LoadFromAssemblyName(type.Assembly.GetName()).GetType(type.FullName!, throwOnError: true)!;
            Assert.NotSame(type, copy);
            return copy;
        }
    }
}
