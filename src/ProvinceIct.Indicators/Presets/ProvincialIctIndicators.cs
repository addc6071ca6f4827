using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using ProvinceIct.Indicators.Definitions;

namespace ProvinceIct.Indicators.Presets;

/// <summary>
/// The catalogue of indicators that Vietnam's provincial ICT reports publish (the indicators of
/// <see cref="SeedObservations"/>): for each, an <see cref="IndicatorDefinition"/> with Vietnamese and English names,
/// kind, unit and direction, and the Vietnam ICT Index component it belongs to.
/// <para>Kinds: counts are <see cref="IndicatorKind.Count"/>; percents <see cref="IndicatorKind.Percent"/> (0-100);
/// IT spending <see cref="IndicatorKind.Money"/> in <c>billion VND</c> (tỷ đồng, the unit the reports use);
/// the ICT Index rank <see cref="IndicatorKind.BoundedScore"/>(1, <see cref="ProvinceCount"/>) with
/// <see cref="Direction.Negative"/> (rank 1 is best; the kind does not check that a rank is whole: there is no
/// whole-number bounded kind); the rank change (places up on the previous edition) a bounded score in
/// [-(<see cref="ProvinceCount"/> - 1), <see cref="ProvinceCount"/> - 1]; the data-centre bandwidth in Mbps
/// <see cref="IndicatorKind.Real"/> (there is no non-negative real kind).</para>
/// <para>Components: an indicator is placed by what it measures, following the definitions of the three components
/// of the ICT Index for provinces (equipment, networks, connections and security equipment are technical
/// infrastructure <c>htkt</c>; civil servants' IT skills are human resources <c>htnl</c>; systems and services in use
/// are IT application <c>ud</c>). The official list of the Index's raw indicators is not published in any source we
/// could read, so this placement is the catalogue's, not the Ministry's. Ranks, spending and denominators have no
/// component.</para>
/// </summary>
public static class ProvincialIctIndicators
{
    /// <summary>The number of provinces ranked by the Vietnam ICT Index up to 2025: the bound of a rank.</summary>
    public const int ProvinceCount = 63;

    private static readonly FrozenDictionary<string, CatalogIndicator> ByCode;

    static ProvincialIctIndicators()
    {
        const IctComponent Htkt = IctComponent.TechnicalInfrastructure;
        const IctComponent Htnl = IctComponent.HumanResources;
        const IctComponent Ud = IctComponent.ItApplication;
        var count = IndicatorKind.Count;
        var pct = IndicatorKind.Percent;
        All =
        [
            // Ranks and spending: outside the three components.
            E("ict_index_rank", "Vietnam ICT Index rank among the 63 provinces", "Xếp hạng Vietnam ICT Index trong 63 tỉnh, thành phố", IndicatorKind.BoundedScore(1, ProvinceCount), "rank of 63", null, Direction.Negative),
            E("ict_index_rank_change", "Places gained in the Vietnam ICT Index ranking on the previous edition", "Số bậc tăng hạng Vietnam ICT Index so với năm trước", IndicatorKind.BoundedScore(-(ProvinceCount - 1), ProvinceCount - 1), "places up on the previous edition", null),
            E("it_spending_state_agencies", "IT spending of state agencies", "Kinh phí ứng dụng CNTT trong cơ quan nhà nước", IndicatorKind.Money("billion VND"), "billion VND", null),

            // Technical infrastructure (htkt).
            E("computers_in_state_agencies", "Computers in state agencies", "Số máy tính trong cơ quan nhà nước", count, "computers", Htkt),
            E("servers_in_state_agencies", "Servers in state agencies", "Số máy chủ trong cơ quan nhà nước", count, "servers", Htkt),
            E("civil_servants_with_computer_pct", "Civil servants provided with a computer", "Tỷ lệ cán bộ, công chức được trang bị máy tính", pct, "%", Htkt),
            E("civil_servants_with_computer_district_pct", "Civil servants provided with a computer, district level", "Tỷ lệ máy tính/cán bộ, công chức cấp huyện", pct, "%", Htkt),
            E("computers_networked_pct", "Computers connected to a network", "Tỷ lệ máy tính có nối mạng", pct, "%", Htkt),
            E("computers_networked_district_pct", "Computers connected to a network, district level", "Tỷ lệ máy tính có nối mạng cấp huyện", pct, "%", Htkt),
            E("agencies_with_lan_pct", "Agencies with a local area network", "Tỷ lệ cơ quan có mạng LAN", pct, "%", Htkt),
            E("agencies_with_internet_pct", "Agencies connected to the Internet", "Tỷ lệ cơ quan có kết nối Internet", pct, "%", Htkt),
            E("agencies_with_lan_and_internet_pct", "Agencies with a LAN and an Internet connection", "Tỷ lệ cơ quan có mạng LAN và kết nối Internet", pct, "%", Htkt),
            E("agencies_with_broadband_internet_pct", "Agencies with a broadband Internet connection", "Tỷ lệ cơ quan, đơn vị có kết nối Internet tốc độ cao", pct, "%", Htkt),
            E("dedicated_network_points", "Points connected to the Government's dedicated data network", "Số điểm kết nối mạng truyền số liệu chuyên dùng", count, "connection points", Htkt),
            E("communes_with_computer", "Commune offices with a computer", "Số xã, phường, thị trấn có máy tính", count, "communes", Htkt, denominator: "communes_total"),
            E("communes_with_internet", "Commune offices connected to the Internet", "Số xã, phường, thị trấn có kết nối Internet", count, "communes", Htkt, denominator: "communes_total"),
            E("video_conference_points", "Video-conference points", "Số điểm hội nghị truyền hình", count, "points", Htkt),
            E("data_centre_servers", "Servers in the provincial data centre", "Số máy chủ tại trung tâm dữ liệu của tỉnh", count, "servers", Htkt),
            E("data_centre_internet_mbps", "Internet bandwidth of the provincial data centre", "Tốc độ đường truyền Internet của trung tâm dữ liệu", IndicatorKind.Real, "Mbps", Htkt),
            E("lans_with_firewall_pct", "Local area networks protected by a firewall", "Tỷ lệ mạng LAN được bảo vệ bởi tường lửa", pct, "%", Htkt),
            E("computers_with_antivirus_pct", "Computers with antivirus software", "Tỷ lệ máy tính được trang bị phần mềm chống virus", pct, "%", Htkt),
            E("education_computers", "Computers in the education sector", "Số máy tính trong ngành giáo dục", count, "computers", Htkt),
            E("upper_secondary_schools_with_internet_lab_pct", "Upper secondary schools with an Internet-connected computer room", "Tỷ lệ trường THPT có phòng máy tính kết nối Internet", pct, "%", Htkt),
            E("lower_secondary_schools_with_internet_lab_pct", "Lower secondary schools with an Internet-connected computer room", "Tỷ lệ trường THCS có phòng máy tính kết nối Internet", pct, "%", Htkt),
            E("primary_schools_with_internet_lab_pct", "Primary schools with an Internet-connected computer room", "Tỷ lệ trường tiểu học có phòng máy tính kết nối Internet", pct, "%", Htkt),

            // Human resources (htnl).
            E("civil_servants_using_computer_pct", "Civil servants using a computer for their work", "Tỷ lệ cán bộ sử dụng máy tính để làm việc", pct, "%", Htnl),

            // IT application (ud).
            E("official_email_accounts", "Official e-mail accounts issued", "Số hộp thư điện tử công vụ được cấp", count, "accounts", Ud),
            E("official_email_in_use_pct", "Official e-mail accounts in use", "Tỷ lệ sử dụng hộp thư điện tử công vụ", pct, "%", Ud),
            E("departments_with_document_management", "Departments with document-management software", "Số sở, ban, ngành có phần mềm quản lý văn bản và điều hành", count, "departments", Ud),
            E("departments_with_document_management_pct", "Departments and district committees with document-management software", "Tỷ lệ sở, ban, UBND cấp huyện có phần mềm quản lý văn bản", pct, "%", Ud),
            E("digital_signature_certificates", "Digital signature certificates issued", "Số chữ ký số đã cấp", count, "certificates", Ud),
            E("electronic_one_stop_agencies", "Agencies with an electronic one-stop shop", "Số cơ quan triển khai một cửa điện tử", count, "agencies", Ud),
            E("open_source_migrated_departments", "Departments migrated to open-source software", "Số sở, ngành chuyển đổi sang phần mềm nguồn mở", count, "departments", Ud),
            E("open_source_migrated_districts", "Districts migrated to open-source software", "Số huyện, thị xã chuyển đổi sang phần mềm nguồn mở", count, "districts", Ud),
            E("administrative_procedures_published_online", "Administrative procedures published online", "Số thủ tục hành chính được cung cấp thông tin trực tuyến", count, "procedures", Ud),
            E("online_public_services_level_2_3", "Online public services at level 2 or 3", "Số dịch vụ công trực tuyến mức độ 2, 3", count, "services", Ud),
            E("primary_health_facilities_with_his", "Primary health facilities using a health information system", "Số cơ sở y tế cơ sở triển khai phần mềm quản lý", count, "facilities", Ud),
            E("primary_health_facilities_with_his_pct", "Primary health facilities using a health information system", "Tỷ lệ cơ sở y tế cơ sở triển khai phần mềm quản lý", pct, "%", Ud),
            E("schools_using_vnedu", "Schools using vnEdu", "Số trường sử dụng vnEdu", count, "schools", Ud),
            E("schools_with_website", "Schools with a website", "Số trường có trang thông tin điện tử", count, "schools", Ud),
            E("schools_using_e_contact_book", "Schools using an electronic contact book", "Số trường sử dụng sổ liên lạc điện tử", count, "schools", Ud),

            // Denominators.
            E("communes_total", "Communes, wards and townships", "Tổng số xã, phường, thị trấn", count, "communes", null),
        ];
        ByCode = All.ToFrozenDictionary(e => e.Code, StringComparer.Ordinal);
        Definitions = [.. All.Select(e => e.Definition)];
    }

    /// <summary>Every indicator of the catalogue, grouped as ranks and spending, then by component, then denominators.</summary>
    public static ImmutableArray<CatalogIndicator> All { get; }

    /// <summary>The definitions of <see cref="All"/>, in the same order (for <see cref="IO.LongCsvOptions.Indicators"/>).</summary>
    public static ImmutableArray<IndicatorDefinition> Definitions { get; }

    /// <summary>The catalogue entry of a code.</summary>
    /// <param name="code">The indicator code (ordinal comparison).</param>
    /// <returns>The entry.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="code"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">When the catalogue has no such indicator.</exception>
    public static CatalogIndicator Get(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return ByCode.TryGetValue(code, out var e) ? e : throw new KeyNotFoundException("The catalogue has no indicator '" + code + "'.");
    }

    /// <summary>The catalogue entry of a code, without throwing.</summary>
    /// <param name="code">The indicator code; null gives false.</param>
    /// <param name="indicator">The entry, or null.</param>
    /// <returns>True when the catalogue has the indicator.</returns>
    public static bool TryGet(string? code, [NotNullWhen(true)] out CatalogIndicator? indicator)
    {
        indicator = null;
        return code is not null && ByCode.TryGetValue(code, out indicator);
    }

    /// <summary>The indicators of one component, in catalogue order.</summary>
    /// <param name="component">The component.</param>
    /// <returns>The entries.</returns>
    public static ImmutableArray<CatalogIndicator> InComponent(IctComponent component) => [.. All.Where(e => e.Component == component)];

    /// <summary>The code of a component: <c>htkt</c>, <c>htnl</c> or <c>ud</c>.</summary>
    /// <param name="component">The component.</param>
    /// <returns>The code.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="component"/> is not a defined value.</exception>
    public static string ComponentCode(IctComponent component) => component switch
    {
        IctComponent.TechnicalInfrastructure => "htkt",
        IctComponent.HumanResources => "htnl",
        IctComponent.ItApplication => "ud",
        _ => throw new ArgumentOutOfRangeException(nameof(component), component, "Unknown ICT Index component."),
    };

    private static CatalogIndicator E(string code, string nameEn, string nameVi, IndicatorKind kind, string unit, IctComponent? component, Direction direction = Direction.Positive, string? denominator = null) =>
        CatalogIndicator.Create(IndicatorDefinition.Create(code, nameEn, kind, direction, nameVi, unit) with { DenominatorCode = denominator }, component);
}
