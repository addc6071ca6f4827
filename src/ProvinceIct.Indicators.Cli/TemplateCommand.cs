using System.CommandLine;
using ProvinceIct.Indicators.Geography;
using ProvinceIct.Indicators.IO;
using ProvinceIct.Indicators.Model;
using ProvinceIct.Indicators.Presets;

namespace ProvinceIct.Indicators.Cli;

/// <summary>
/// <c>ictindex template (--preset NAME | --meta FILE) [--geography 2016|2025] --output template.xlsx</c>: writes the
/// data-collection workbook of <see cref="DataTemplate"/> (one row per province of the geography, one column per
/// indicator, names, units, Excel data validation, instructions), which <c>compute --data template.xlsx</c> reads back.
/// </summary>
internal static class TemplateCommand
{
    public static Command Create(TextWriter stdout)
    {
        var preset = new Option<string?>("--preset") { Description = CliStrings.Format("Help_Template_Preset", PresetNames.HelpList(withComponentWeights: false)) };
        var meta = new Option<FileInfo?>("--meta") { Description = CliStrings.Get("Help_Template_Meta") + " " + InputOptions.KindHelp };
        var geography = new Option<string?>("--geography") { Description = CliStrings.Get("Help_Template_Geography") };
        var output = new Option<FileInfo>("--output") { Description = CliStrings.Get("Help_Template_Output"), Required = true };
        var prefill = new Option<FileInfo?>("--prefill") { Description = CliStrings.Get("Help_Template_Prefill") };
        var encoding = new Option<string?>("--encoding") { Description = CliStrings.Get("Help_Template_Encoding") };
        var cmd = new Command("template", CliStrings.Get("Help_Command_Template"))
        {
            preset, meta, geography, output, prefill, encoding,
        };
        cmd.SetAction(parse =>
        {
            var presetName = parse.GetValue(preset);
            var metaFile = parse.GetValue(meta);
            if ((presetName is null) == (metaFile is null))
            {
                throw new UsageException(CliStrings.Get("Msg_GivePresetOrMeta"));
            }

            var file = parse.GetValue(output)!;
            if (!InputOptions.IsWorkbook(file))
            {
                throw new UsageException(CliStrings.Format("Msg_TemplateNotXlsx", file.Name));
            }

            var prefillFile = parse.GetValue(prefill);
            OutputPaths.Check([(file, "--output")], [(metaFile, "--meta"), (prefillFile, "--prefill")]);
            Framework framework;
            ProvinceGeography g;
            string what;
            if (presetName is not null)
            {
                if (!PresetCatalog.Contains(presetName))
                {
                    throw new UsageException(Suggestions.UnknownPreset(presetName));
                }

                var info = PresetCatalog.Info(presetName);
                framework = info.Methodology.Framework;
                g = info.Geography;
                what = "--preset " + info.Name;
            }
            else
            {
                var table = InputOptions.IsWorkbook(metaFile)
                    ? XlsxData.ReadMeta(InputOptions.RequireFile(metaFile!, "--meta")).GetValueOrThrow()
                    : MetaCsv.Read(InputOptions.RequireFile(metaFile!, "--meta"), InputOptions.ParseEncoding(parse.GetValue(encoding))).GetValueOrThrow();
                framework = table.Framework;
                g = ProvinceGeography.Provinces2016;
                what = "--meta " + metaFile!.Name;
            }

            if (parse.GetValue(geography) is { } text)
            {
                g = GeographyCommands.ParseGeography(text);
            }

            var units = DataTemplate.Provinces(g);
            Dataset? values = null;
            if (prefillFile is not null)
            {
                var (policy, delimiter) = InputOptions.ParseDelimiter(null);
                var options = new WideCsvOptions { Encoding = InputOptions.ParseEncoding(parse.GetValue(encoding)), DelimiterPolicy = policy, Delimiter = delimiter, ProvinceColumnGeography = g };
                values = (InputOptions.IsWorkbook(prefillFile)
                    ? XlsxData.ReadDataset(InputOptions.RequireFile(prefillFile, "--prefill"), options)
                    : WideCsv.Read(InputOptions.RequireFile(prefillFile, "--prefill"), options)).GetValueOrThrow();
                var known = units.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
                var outside = values.Units.Where(u => !known.Contains(u.Code)).Select(u => u.Code).ToList();
                if (outside.Count > 0)
                {
                    throw new UsageException(CliStrings.Format("Msg_TemplatePrefillOutside", outside.Count, prefillFile.Name, g == ProvinceGeography.Provinces2016 ? "2016" : "2025", string.Join(", ", outside.Take(5)) + (outside.Count > 5 ? ", ..." : string.Empty)));
                }
            }

            DataTemplate.Save(file.FullName, framework, units, values);
            stdout.WriteLine(CliStrings.Format("Msg_TemplateWrote", file.FullName, units.Length, g == ProvinceGeography.Provinces2016 ? "2016" : "2025", framework.Indicators.Length, framework.Root.Name));
            stdout.WriteLine(CliStrings.Format("Msg_TemplateNext", file.Name, what));
            return ExitCodes.Success;
        });
        return cmd;
    }
}
