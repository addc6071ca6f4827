using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using ProvinceIct.Indicators.Methods;

namespace ProvinceIct.Indicators.Cli;

/// <summary>
/// Loads <c>--plugin</c> assemblies: every public, non-abstract type implementing <see cref="IMethodPlugin"/> with a
/// public parameterless constructor registers its methods. This is the only reflection in the tool; the library has
/// none. Plugins need the JIT: in a Native AOT build loading fails with a usage error saying so.
/// </summary>
internal static class PluginLoader
{
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "A plugin is loaded on explicit request; its own code is not trimmed.")]
    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "The plugin's types are public and kept by its own assembly.")]
    [UnconditionalSuppressMessage("Trimming", "IL2065", Justification = "The plugin's types are public and kept by its own assembly.")]
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "The plugin's types are public and kept by its own assembly.")]
    [UnconditionalSuppressMessage("Trimming", "IL2067", Justification = "The plugin's types are public and kept by its own assembly.")]
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "The plugin's types are public and kept by its own assembly.")]
    [UnconditionalSuppressMessage("SingleFile", "IL3000", Justification = "The plugin path is a file given on the command line.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Plugins are documented as unsupported in a Native AOT build.")]
    public static MethodRegistry Load(IReadOnlyList<FileInfo> files)
    {
        var registry = MethodRegistry.Default;
        foreach (var file in files)
        {
            if (!file.Exists)
            {
                throw new UsageException(CliStrings.Format("Msg_FileNotFound", "--plugin", file.FullName));
            }

            if (!System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported)
            {
                throw new UsageException(CliStrings.Get("Msg_PluginAot"));
            }

            Assembly assembly;
            Type[] types;
            try
            {
                assembly = Assembly.LoadFrom(file.FullName);
                types = assembly.GetExportedTypes();
            }
            catch (BadImageFormatException ex)
            {
                throw new UsageException(CliStrings.Format("Msg_PluginNotAssembly", "--plugin", file.Name, ex.Message.Split('\n')[0]));
            }
            catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or ReflectionTypeLoadException or PlatformNotSupportedException or TypeLoadException)
            {
                throw CannotLoad(file, ex);
            }

            var plugins = new List<Type>();
            foreach (var t in types)
            {
                if (t is { IsClass: true, IsAbstract: false } && typeof(IMethodPlugin).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
                {
                    plugins.Add(t);
                }
            }

            if (plugins.Count == 0)
            {
                throw new UsageException(CliStrings.Format("Msg_PluginNoClass", "--plugin", file.Name));
            }

            foreach (var type in plugins)
            {
                try
                {
                    registry = registry.WithPlugin((IMethodPlugin)Activator.CreateInstance(type)!);
                }
                catch (ArgumentException ex)
                {
                    throw new UsageException($"--plugin {file.Name}: {type.Name}: {ex.Message.Split('\n')[0]}");
                }
                catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or MissingMemberException or TypeLoadException)
                {
                    throw CannotLoad(file, ex);
                }
            }
        }

        return registry;
    }

    /// <summary>A plugin whose dependencies are missing: typically a trimmed self-contained build of the tool.</summary>
    private static UsageException CannotLoad(FileInfo file, Exception ex) =>
        new(CliStrings.Format("Msg_PluginCannotLoad", "--plugin", file.Name, ex.Message.Split('\n')[0]));
}
