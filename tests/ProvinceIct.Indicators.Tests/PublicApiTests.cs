using System.Reflection;
using ProvinceIct.Indicators.Calculation;
using ProvinceIct.Indicators.Tests.Support;

namespace ProvinceIct.Indicators.Tests;

/// <summary>Guards the public API until 1.0: every exported type and member as sorted text.</summary>
public class PublicApiTests
{
    [Fact]
    public void PublicApi_Library_MatchesSnapshot()
    {
        var assembly = typeof(IndexCalculator).Assembly;
        var lines = new List<string>();
        foreach (var type in assembly.GetExportedTypes())
        {
            var kind = type.IsEnum ? "enum" : type.IsInterface ? "interface" : type.IsValueType ? "struct" : type.IsAbstract && type.IsSealed ? "static class" : "class";
            lines.Add($"{kind} {type.FullName}");
            const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var m in type.GetMembers(flags))
            {
                var text = m switch
                {
                    MethodInfo mi when mi.IsSpecialName => null,
                    MethodInfo mi => $"{(mi.IsStatic ? "static " : string.Empty)}{Name(mi.ReturnType)} {mi.Name}({string.Join(", ", mi.GetParameters().Select(p => Name(p.ParameterType) + " " + p.Name))})",
                    ConstructorInfo ci => $"ctor({string.Join(", ", ci.GetParameters().Select(p => Name(p.ParameterType) + " " + p.Name))})",
                    PropertyInfo pi => $"{Name(pi.PropertyType)} {pi.Name}{(pi.GetIndexParameters().Length > 0 ? "[" + string.Join(", ", pi.GetIndexParameters().Select(p => Name(p.ParameterType))) + "]" : string.Empty)}",
                    FieldInfo fi when type.IsEnum && fi.IsStatic => fi.Name,
                    FieldInfo fi => $"{(fi.IsStatic ? "static " : string.Empty)}{Name(fi.FieldType)} {fi.Name}",
                    _ => null,
                };
                if (text is not null && !text.Contains("<Clone>$", StringComparison.Ordinal))
                {
                    lines.Add($"{type.FullName}: {text}");
                }
            }
        }

        Snapshot.Match(string.Join("\n", lines.Order(StringComparer.Ordinal)));
    }

    private static string Name(Type t) =>
        t.IsGenericType ? $"{t.Name[..t.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(",", t.GetGenericArguments().Select(Name))}>" : t.Name;
}
