using System.CommandLine;
using System.Diagnostics;

namespace ProvinceIct.Indicators.Cli.Explore;

/// <summary><c>ictindex explore</c>: a live what-if page in the browser, served on the loopback address until Ctrl-C.</summary>
internal static class ExploreCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var input = new InputOptions(dataRequired: false);
        var port = new Option<int>("--port") { Description = CliStrings.Get("Help_Explore_Port"), DefaultValueFactory = _ => 0 };
        var noBrowser = new Option<bool>("--no-browser") { Description = CliStrings.Get("Help_Explore_NoBrowser") };
        var language = new Option<string>("--language") { Description = CliStrings.Get("Help_Explore_Language"), DefaultValueFactory = _ => CliLanguage.HelpDefault };
        language.AcceptOnlyFromAmong(ExploreText.Languages);
        var cmd = new Command("explore", CliStrings.Get("Help_Command_Explore"));
        input.AddTo(cmd);
        cmd.Options.Add(port);
        cmd.Options.Add(noBrowser);
        cmd.Options.Add(language);
        cmd.SetAction(async (parse, cancellation) =>
        {
            var p = parse.GetValue(port);
            if (p is < 0 or > 65535)
            {
                throw new UsageException(CliStrings.Format("Msg_PortRange", p));
            }

            var (m, dataset) = input.Load(parse, stderr, cancellation);
            var session = new ExploreSession(m, dataset, MethodOptions.Registry);
            await using var server = await ExploreServer.StartAsync(session, CliLanguage.Of(parse, language), p, cancellation).ConfigureAwait(false);
            stdout.WriteLine(CliStrings.Format("Msg_Exploring", m.Name, session.NominalResult.Units.Length));
            stdout.WriteLine("  " + server.Url);
            stdout.WriteLine(CliStrings.Format(server.IPv6 ? "Msg_ExploreListeningIPv6" : "Msg_ExploreListening", server.Port));
            stdout.Flush();
            if (!parse.GetValue(noBrowser))
            {
                OpenBrowser(server.Url, stderr);
            }

            await server.RunUntilCancelledAsync(cancellation).ConfigureAwait(false);
            stderr.WriteLine(CliStrings.Get("Msg_ExploreStopped"));
            return ExitCodes.Cancelled;
        });
        return cmd;
    }

    private static void OpenBrowser(string url, TextWriter stderr)
    {
        try
        {
            ProcessStartInfo? start = OperatingSystem.IsWindows() ? new ProcessStartInfo(url) { UseShellExecute = true }
                : OperatingSystem.IsMacOS() ? new ProcessStartInfo("open", [url])
                : Environment.GetEnvironmentVariable("DISPLAY") is { Length: > 0 } || Environment.GetEnvironmentVariable("WAYLAND_DISPLAY") is { Length: > 0 } ? new ProcessStartInfo("xdg-open", [url])
                : null;
            if (start is null)
            {
                stderr.WriteLine(CliStrings.Get("Msg_NoDisplay"));
                return;
            }

            start.RedirectStandardError = !OperatingSystem.IsWindows();
            start.RedirectStandardOutput = !OperatingSystem.IsWindows();
            using var process = Process.Start(start);
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            stderr.WriteLine(CliStrings.Format("Msg_NoBrowser", ex.Message));
        }
    }
}
