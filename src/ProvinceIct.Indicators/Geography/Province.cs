using System.Collections.Immutable;
using ProvinceIct.Indicators.Model;

namespace ProvinceIct.Indicators.Geography;

/// <summary>
/// One provincial-level unit of Vietnam in one <see cref="ProvinceGeography"/>: its GSO code, names, regions,
/// international codes, spelling variants and its link across the 1 July 2025 reorganisation.
/// Instances come from a <see cref="ProvinceCatalog"/>; two provinces are equal when every property is equal.
/// </summary>
/// <remarks>
/// The 34 units of <see cref="ProvinceGeography.Provinces2025"/> have no region, English-name or international-code
/// columns in the source tables. They are derived from the predecessors: a region is given when all predecessors
/// agree on it and is null otherwise; <see cref="NameEn"/> is the English name of the predecessor whose name the
/// unit keeps (else <see cref="NameAscii"/>); <see cref="Iso3166_2"/> and <see cref="Hasc"/> are given only for a
/// unit formed from exactly one predecessor (same territory).
/// </remarks>
public sealed record Province
{
    internal Province(
        ProvinceGeography geography,
        string code,
        string nameVi,
        string nameAscii,
        string nameEn,
        string fullNameVi,
        ProvinceUnitType unitType)
    {
        Geography = geography;
        Code = code;
        NameVi = nameVi;
        NameAscii = nameAscii;
        NameEn = nameEn;
        FullNameVi = fullNameVi;
        UnitType = unitType;
    }

    /// <summary>The geography this unit belongs to.</summary>
    public ProvinceGeography Geography { get; }

    /// <summary>The GSO two-digit code, for example <c>70</c> (codes are unique within one geography only).</summary>
    public string Code { get; }

    /// <summary>The Vietnamese name with diacritics, for example <c>Bình Phước</c>.</summary>
    public string NameVi { get; }

    /// <summary>The name without diacritics, for example <c>Binh Phuoc</c>.</summary>
    public string NameAscii { get; }

    /// <summary>The English name, for example <c>Ho Chi Minh City</c>.</summary>
    public string NameEn { get; }

    /// <summary>The full Vietnamese name with its administrative prefix, for example <c>Tỉnh Bình Phước</c>.</summary>
    public string FullNameVi { get; }

    /// <summary>Province or centrally-run city.</summary>
    public ProvinceUnitType UnitType { get; }

    /// <summary>The English name of the GSO socio-economic region (6 regions), for example <c>South East</c>; null when not derivable.</summary>
    public string? Region { get; internal init; }

    /// <summary>The short key of the GSO region (6 regions), for example <c>DNB</c>; null when not derivable.</summary>
    public string? Region6Key { get; internal init; }

    /// <summary>The Vietnamese name of the GSO region (6 regions), for example <c>Đông Nam Bộ</c>; null when not derivable.</summary>
    public string? Region6Vi { get; internal init; }

    /// <summary>The Vietnamese name of the traditional region (8 regions), for example <c>Đông Nam Bộ</c>; null when not derivable.</summary>
    public string? Region8Vi { get; internal init; }

    /// <summary>The English name of the traditional region (8 regions), for example <c>Southeast</c>; null when not derivable.</summary>
    public string? Region8En { get; internal init; }

    /// <summary>The ISO 3166-2 code, for example <c>VN-58</c>; null when not known for this unit.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "The standard's own name, ISO 3166-2.")]
    public string? Iso3166_2 { get; internal init; }

    /// <summary>The HASC code, for example <c>VN.BP</c>; null when not known for this unit.</summary>
    public string? Hasc { get; internal init; }

    /// <summary>Other spellings seen in documents (old orthography, abbreviations, English forms), as published.</summary>
    public ImmutableArray<string> AltSpellings { get; internal init; } = [];

    /// <summary>For a unit of <see cref="ProvinceGeography.Provinces2016"/>, the code of the 2025 unit it became part of; otherwise null.</summary>
    public string? SuccessorCode { get; internal init; }

    /// <summary>For a unit of <see cref="ProvinceGeography.Provinces2025"/>, the codes of the 2016 units it was formed from (in GSO order); otherwise empty.</summary>
    public ImmutableArray<string> PredecessorCodes { get; internal init; } = [];

    /// <summary>
    /// The unit as a <see cref="Unit"/> for datasets: code = <see cref="Code"/>, name = <see cref="NameVi"/>,
    /// English name = <see cref="NameEn"/>, and the groups <c>region</c> (<see cref="Region"/>), <c>region6</c>
    /// (<see cref="Region6Vi"/>) and <c>region8</c> (<see cref="Region8En"/>); a group whose value is null is omitted.
    /// </summary>
    /// <returns>The unit.</returns>
    public Unit ToUnit()
    {
        var groups = new List<KeyValuePair<string, string>>(3);
        if (Region is not null)
        {
            groups.Add(new("region", Region));
        }

        if (Region6Vi is not null)
        {
            groups.Add(new("region6", Region6Vi));
        }

        if (Region8En is not null)
        {
            groups.Add(new("region8", Region8En));
        }

        return Unit.Create(Code, NameVi, NameEn, groups);
    }

    /// <summary>Whether two provinces are equal: same geography, code, names, regions, codes, spellings and links.</summary>
    /// <param name="other">The other province.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(Province? other) =>
        other is not null
        && Geography == other.Geography && Code == other.Code && NameVi == other.NameVi && NameAscii == other.NameAscii
        && NameEn == other.NameEn && FullNameVi == other.FullNameVi && UnitType == other.UnitType
        && Region == other.Region && Region6Key == other.Region6Key && Region6Vi == other.Region6Vi
        && Region8Vi == other.Region8Vi && Region8En == other.Region8En && Iso3166_2 == other.Iso3166_2 && Hasc == other.Hasc
        && SuccessorCode == other.SuccessorCode
        && AltSpellings.SequenceEqual(other.AltSpellings) && PredecessorCodes.SequenceEqual(other.PredecessorCodes);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Geography, Code, NameVi);

    /// <summary>Formats as <c>code name</c>, for example <c>70 Bình Phước</c>.</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => Code + " " + NameVi;
}
