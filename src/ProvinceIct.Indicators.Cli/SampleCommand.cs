using System.CommandLine;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Presets;

namespace ProvinceIct.Indicators.Cli;

/// <summary>
/// <c>ictindex sample --preset NAME --output DATA.csv [META.csv]</c>: writes a preset's embedded sample
/// (<see cref="PresetInfo.Sample"/>) as a wide CSV in COINr's iData layout and, when a second path is given, the
/// preset's framework as an iMeta table, so that <c>compute --data DATA.csv --meta META.csv</c> (or
/// <c>--preset NAME</c>) starts from a file that works. Both files are checked before writing (see
/// <see cref="OutputPaths.Check"/>) and written atomically.
/// </summary>
internal static class SampleCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var preset = new Option<string>("--preset") { Description = CliStrings.Format("Help_Sample_Preset", PresetNames.HelpList(withComponentWeights: false)), Required = true };
        var output = new Option<FileInfo[]>("--output")
        {
            Description = CliStrings.Get("Help_Sample_Output"),
            Required = true,
            Arity = new ArgumentArity(1, 2),
            AllowMultipleArgumentsPerToken = true,
        };
        var injection = CsvInjectionOption.Create();
        var cmd = new Command("sample", CliStrings.Get("Help_Command_Sample"));
        cmd.Options.Add(preset);
        cmd.Options.Add(output);
        cmd.Options.Add(injection);
        cmd.SetAction(parse =>
        {
            var name = parse.GetValue(preset)!;
            if (!PresetCatalog.Contains(name))
            {
                throw new UsageException(Suggestions.UnknownPreset(name));
            }

            var info = PresetCatalog.Info(name);
            var sample = info.Sample
                ?? throw new UsageException(CliStrings.Format("Msg_SampleNoSample", "--preset", info.Name));
            var files = parse.GetValue(output) ?? [];
            OutputPaths.Check(files.Select((f, i) => ((FileInfo?)f, CliStrings.Get(i == 0 ? "Sample_OutputData" : "Sample_OutputMeta"))), []);
            var policy = CsvInjectionOption.Policy(parse, injection);
            WideCsv.Save(sample, files[0].FullName, policy);
            stdout.WriteLine(CliStrings.Format("Msg_SampleWroteData", files[0].FullName, sample.UnitCount, sample.IndicatorCodes.Length, info.Name, info.SampleNoteIn(CliStrings.Culture)));
            if (files.Length == 2)
            {
                MetaCsv.Save(MetaTable.Create(info.Methodology.Framework), files[1].FullName, policy);
                stdout.WriteLine(CliStrings.Format("Msg_SampleWroteMeta", files[1].FullName, info.Name));
            }

            stdout.WriteLine(CliStrings.Format("Msg_SampleNext", files[0].Name, info.Name));

            return ExitCodes.Success;
        });
        return cmd;
    }
}
