using System.Globalization;

namespace ProvinceIct.Indicators.Presets;

/// <summary>
/// One published component of an entry of <see cref="PublishedResults"/> (a component index such as <c>htkt</c>, a DTI
/// main index such as <c>nhan_thuc_so</c>, or a pillar such as <c>cqs</c>): its value and rank where published.
/// A cell that is not a plain number (<c>"0.589 (approx.)"</c>, <c>"top5"</c>) gives a null value or rank and keeps the
/// text as published in <see cref="ValueText"/> or <see cref="RankText"/>. Its source is the entry's.
/// </summary>
public sealed record PublishedComponent
{
    internal PublishedComponent(string name, double? value, string? valueText, int? rank, string? rankText)
    {
        Name = Internal.Preconditions.NotBlank(name);
        Value = value;
        ValueText = valueText;
        Rank = rank;
        RankText = rankText;
    }

    /// <summary>The component's code as in the file's header (<c>htkt</c>, <c>nhan_thuc_so</c>, <c>cqs_pillar</c>, <c>cqs</c>).</summary>
    public string Name { get; }

    /// <summary>The published value; null when not published or not a plain number.</summary>
    public double? Value { get; }

    /// <summary>The value cell as published when it is not a plain number (for example <c>0.589 (approx., 'gần bằng nhau')</c>); else null.</summary>
    public string? ValueText { get; }

    /// <summary>The published rank among the units of the edition; null when not published or not a plain integer.</summary>
    public int? Rank { get; }

    /// <summary>The rank cell as published when it is not a plain integer (for example <c>top5</c>); else null.</summary>
    public string? RankText { get; }

    /// <summary>Formats as <c>htkt=0.84 (#1)</c>; an unknown value or rank is left out, published text is shown quoted.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString()
    {
        var value = Value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : ValueText is null ? "-" : "\"" + ValueText + "\"";
        var rank = Rank is { } r ? " (#" + r.ToString(CultureInfo.InvariantCulture) + ")" : RankText is null ? string.Empty : " (\"" + RankText + "\")";
        return Name + "=" + value + rank;
    }
}
