using System.Collections.Immutable;

namespace ProvinceIct.Indicators.Treatment;

/// <summary>
/// The one place that knows the default order of the treatment steps: denominate, screen, impute, treat, then a
/// Box-Cox transform (COINr's default workflow order before normalisation). A methodology runs its steps in the order
/// it was given; this order is used only to place a step that is added to a methodology without one of its kind
/// (<see cref="Place"/>). Stateless.
/// </summary>
public static class TreatmentOrder
{
    /// <summary>The step kinds in the default order; the two denomination kinds share the first place.</summary>
    public static ImmutableArray<TreatmentStepKind> DefaultKinds { get; } =
    [
        TreatmentStepKind.Denominate,
        TreatmentStepKind.DenominateByDefinitions,
        TreatmentStepKind.Screen,
        TreatmentStepKind.Impute,
        TreatmentStepKind.Treat,
        TreatmentStepKind.BoxCox,
    ];

    /// <summary>
    /// The position of a kind in the default order: 0 for both denomination kinds, then 1 screen, 2 impute, 3 treat,
    /// 4 Box-Cox.
    /// </summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The rank; equal ranks mean the same place.</returns>
    public static int Rank(TreatmentStepKind kind) => kind switch
    {
        TreatmentStepKind.Denominate or TreatmentStepKind.DenominateByDefinitions => 0,
        TreatmentStepKind.Screen => 1,
        TreatmentStepKind.Impute => 2,
        TreatmentStepKind.Treat => 3,
        _ => 4,
    };

    /// <summary>The steps in the default order; steps of the same place keep their relative order (a stable sort).</summary>
    /// <param name="steps">The steps.</param>
    /// <returns>The sorted steps.</returns>
    public static ImmutableArray<TreatmentStep> Sort(IEnumerable<TreatmentStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        return [.. steps.OrderBy(s => Rank(s.Kind))];
    }

    /// <summary>
    /// Puts <paramref name="replacement"/> where the steps of the same place (<see cref="Rank"/>) stand, keeping the
    /// order of every other step: the first step of that place is replaced and any further ones are removed. When there
    /// is no step of that place, the replacement goes after the last step that comes before it in the default order
    /// (at the start when there is none). A null replacement only removes the steps of that place.
    /// </summary>
    /// <param name="steps">The steps, in the order they run.</param>
    /// <param name="kind">The kind whose place is replaced.</param>
    /// <param name="replacement">The new step, of a kind with the same rank as <paramref name="kind"/>, or null.</param>
    /// <returns>The new steps.</returns>
    /// <exception cref="ArgumentException">When the replacement's kind has another place than <paramref name="kind"/>.</exception>
    public static ImmutableArray<TreatmentStep> Place(IEnumerable<TreatmentStep> steps, TreatmentStepKind kind, TreatmentStep? replacement)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var rank = Rank(kind);
        if (replacement is not null && Rank(replacement.Kind) != rank)
        {
            throw new ArgumentException($"A {replacement.Kind} step cannot take the place of a {kind} step.", nameof(replacement));
        }

        var list = steps.ToList();
        var first = list.FindIndex(s => Rank(s.Kind) == rank);
        if (first >= 0)
        {
            var keep = list[first];
            list.RemoveAll(s => Rank(s.Kind) == rank && !ReferenceEquals(s, keep));
            if (replacement is null)
            {
                list.RemoveAt(first);
            }
            else
            {
                list[first] = replacement;
            }
        }
        else if (replacement is not null)
        {
            var after = list.FindLastIndex(s => Rank(s.Kind) < rank);
            list.Insert(after + 1, replacement);
        }

        return [.. list];
    }
}
