using System.Collections.Immutable;

namespace ProvinceIct.Indicators.Model;

/// <summary>
/// A unit being ranked (a province, district or department): its code, names and group memberships
/// (for example <c>region</c> = <c>Red River Delta</c>).
/// </summary>
public sealed record Unit
{
    private Unit(string code, string name)
    {
        Code = code;
        Name = name;
    }

    /// <summary>Creates a unit.</summary>
    /// <param name="code">The unit code, unique in a dataset (for example a GSO code <c>70</c>).</param>
    /// <param name="name">The display name (Vietnamese with diacritics for provinces); defaults to the code.</param>
    /// <param name="nameEn">An English or ASCII name, if any.</param>
    /// <param name="groups">Group memberships by group name, if any.</param>
    /// <returns>The unit.</returns>
    /// <exception cref="ArgumentException">When <paramref name="code"/> is blank.</exception>
    public static Unit Create(string code, string? name = null, string? nameEn = null, IEnumerable<KeyValuePair<string, string>>? groups = null)
    {
        Internal.Preconditions.NotBlank(code);
        return new Unit(code, string.IsNullOrWhiteSpace(name) ? code : name)
        {
            NameEn = nameEn,
            Groups = groups is null ? ImmutableSortedDictionary<string, string>.Empty : groups.ToImmutableSortedDictionary(StringComparer.Ordinal),
        };
    }

    /// <summary>The unit code, unique in a dataset; kept in Unicode NFC (a decomposed code is composed), so equal codes compare equal ordinally.</summary>
    public string Code { get => _code; init => _code = Nfc(value)!; }

    /// <summary>The display name, in Unicode NFC.</summary>
    public string Name { get => _name; init => _name = Nfc(value)!; }

    /// <summary>An English or ASCII name, if any, in Unicode NFC.</summary>
    public string? NameEn { get => _nameEn; init => _nameEn = Nfc(value); }

    private readonly string _code = string.Empty;
    private readonly string _name = string.Empty;
    private readonly string? _nameEn;

    private static string? Nfc(string? s) => s is null ? null : Internal.UnicodeText.Nfc(s);

    /// <summary>Group memberships by group name (sorted by group name).</summary>
    public ImmutableSortedDictionary<string, string> Groups { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>The unit's group in <paramref name="groupName"/>, or null.</summary>
    /// <param name="groupName">The group name, for example <c>region</c>.</param>
    /// <returns>The group value or null.</returns>
    public string? Group(string groupName) => Groups.TryGetValue(groupName, out var v) ? v : null;

    /// <summary>Whether two units are equal: same code, names and groups.</summary>
    /// <param name="other">The other unit.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(Unit? other) =>
        other is not null && Code == other.Code && Name == other.Name && NameEn == other.NameEn && Groups.SequenceEqual(other.Groups);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Code, Name, NameEn, Groups.Count);

    /// <summary>Formats as <c>code name</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => Code + " " + Name;
}
