namespace ProvinceIct.Indicators.Methods;

/// <summary>
/// A set of user-defined methods to register at once: a plugin returns the registry it was given with its methods
/// added (<see cref="MethodRegistry.WithNormaliser"/>, <see cref="MethodRegistry.WithAggregator"/>, <see cref="MethodRegistry.WithImputer"/>, <see cref="MethodRegistry.WithWeighting"/>). The CLI's
/// <c>--plugin path.dll</c> loads an assembly and registers every public non-abstract type implementing this interface
/// that has a public parameterless constructor (plugins need the JIT: they do not work in a Native AOT build of the CLI).
/// </summary>
public interface IMethodPlugin
{
    /// <summary>Adds the plugin's methods.</summary>
    /// <param name="registry">The registry so far.</param>
    /// <returns>The registry with the plugin's methods.</returns>
    MethodRegistry Register(MethodRegistry registry);
}
