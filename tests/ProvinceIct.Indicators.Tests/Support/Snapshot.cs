using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace ProvinceIct.Indicators.Tests.Support;

/// <summary>
/// Verify-style snapshot assertions: <c>Snapshots/{Class}.{Method}[_{param}].verified.{ext}</c> beside the tests.
/// On mismatch writes <c>*.received.*</c> and fails with a unified diff. Text is UTF-8, LF, no trailing newline.
/// Accept locally with <c>SNAPSHOT_ACCEPT=1</c> (never when <c>CI=true</c>).
/// </summary>
internal static class Snapshot
{
    private static readonly string Directory = Path.Combine(
        typeof(Snapshot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ProjectDirectory").Value!,
        "Snapshots");

    public static void Match(string actual, string extension = "txt", string? parameter = null, [CallerFilePath] string callerFile = "", [CallerMemberName] string method = "")
    {
        var className = Path.GetFileNameWithoutExtension(callerFile.Replace('\\', '/').Split('/').Last());
        var stem = className + "." + method + (parameter is null ? string.Empty : "_" + parameter);
        var verified = Path.Combine(Directory, stem + ".verified." + extension);
        var received = Path.Combine(Directory, stem + ".received." + extension);
        var text = Normalise(actual);
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        var accept = !ci && Environment.GetEnvironmentVariable("SNAPSHOT_ACCEPT") == "1";
        var expected = File.Exists(verified) ? Normalise(File.ReadAllText(verified, Encoding.UTF8)) : null;
        if (expected == text)
        {
            if (File.Exists(received))
            {
                File.Delete(received);
            }

            return;
        }

        System.IO.Directory.CreateDirectory(Directory);
        if (accept)
        {
            File.WriteAllText(verified, text, new UTF8Encoding(false));
            return;
        }

        File.WriteAllText(received, text, new UTF8Encoding(false));
        var message = expected is null
            ? $"No verified snapshot {Path.GetFileName(verified)}; wrote {Path.GetFileName(received)}. Review it and accept with SNAPSHOT_ACCEPT=1."
            : $"Snapshot {Path.GetFileName(verified)} differs (received written beside it):\n" + UnifiedDiff(expected, text);
        Assert.Fail(message);
    }

    private static string Normalise(string s) => s.Replace("\r\n", "\n").TrimEnd('\n');

    private static string UnifiedDiff(string expected, string actual)
    {
        var diff = new InlineDiffBuilder(new DiffPlex.Differ()).BuildDiffModel(expected, actual, ignoreWhitespace: false);
        var sb = new StringBuilder("--- verified\n+++ received\n");
        var shown = 0;
        foreach (var line in diff.Lines)
        {
            var prefix = line.Type switch { ChangeType.Inserted => "+", ChangeType.Deleted => "-", _ => null };
            if (prefix is null)
            {
                continue;
            }

            sb.Append(prefix).Append(line.Text).Append('\n');
            if (++shown >= 60)
            {
                sb.Append("... (diff truncated)\n");
                break;
            }
        }

        return sb.ToString();
    }
}
