namespace ProvinceIct.Indicators.Cli.Explore;

/// <summary>The page's strings in English and Vietnamese (<c>--language en|vi</c>).</summary>
internal static class ExploreText
{
    public static readonly string[] Languages = ["en", "vi"];

    private static readonly Dictionary<string, (string En, string Vi)> Strings = new(StringComparer.Ordinal)
    {
        ["title"] = ("What if? Explore the index", "Nếu thì sao? Khám phá chỉ số"),
        ["skip"] = ("Skip to the ranking", "Chuyển đến bảng xếp hạng"),
        ["controls"] = ("Methodology", "Phương pháp"),
        ["weights"] = ("Weights", "Trọng số"),
        ["weightOf"] = ("Weight of", "Trọng số của"),
        ["normaliser"] = ("Normaliser", "Phương pháp chuẩn hoá"),
        ["normaliserAll"] = ("Normaliser of every indicator", "Chuẩn hoá mọi chỉ tiêu"),
        ["aggregator"] = ("Aggregator", "Phương pháp tổng hợp"),
        ["aggregatorLevel"] = ("Aggregator at level", "Tổng hợp ở cấp"),
        ["aggregatorOf"] = ("Aggregator of", "Tổng hợp của"),
        ["normaliserOf"] = ("Normaliser of", "Chuẩn hoá của"),
        ["normaliserUnder"] = ("Normaliser of the indicators below", "Chuẩn hoá các chỉ tiêu bên dưới"),
        ["number"] = ("number", "số"),
        ["weightInvalid"] = ("The weight must be a number at least 0:", "Trọng số phải là một số không âm:"),
        ["keep"] = ("(as set per node)", "(theo từng nút)"),
        ["ties"] = ("Tie policy", "Cách xếp hạng đồng hạng"),
        ["reset"] = ("Reset to nominal", "Trở về phương pháp gốc"),
        ["ranking"] = ("Ranking", "Xếp hạng"),
        ["rank"] = ("Rank", "Hạng"),
        ["change"] = ("Change vs nominal", "Thay đổi so với gốc"),
        ["code"] = ("Code", "Mã"),
        ["unit"] = ("Unit", "Đơn vị"),
        ["index"] = ("Index", "Chỉ số"),
        ["map"] = ("Tile map", "Bản đồ ô"),
        ["mapNode"] = ("Colour the map by", "Tô màu bản đồ theo"),
        ["unitPanel"] = ("Unit profile", "Hồ sơ đơn vị"),
        ["unitPick"] = ("Unit", "Đơn vị"),
        ["strengths"] = ("Strengths and weaknesses", "Điểm mạnh và điểm yếu"),
        ["peers"] = ("Peers", "Đơn vị tương đồng"),
        ["heatmap"] = ("Correlations", "Tương quan"),
        ["heatmapShow"] = ("Show the correlation heatmap", "Hiện bản đồ nhiệt tương quan"),
        ["uncertainty"] = ("Uncertainty bands", "Khoảng bất định"),
        ["runs"] = ("Replications", "Số lần mô phỏng"),
        ["runUncertainty"] = ("Run the uncertainty analysis", "Chạy phân tích bất định"),
        ["cancel"] = ("Cancel", "Huỷ"),
        ["cancelled"] = ("Cancelled.", "Đã huỷ."),
        ["exports"] = ("Export what is on screen", "Xuất nội dung đang hiển thị"),
        ["exportMethodology"] = ("Methodology (JSON)", "Phương pháp (JSON)"),
        ["exportHtml"] = ("HTML report", "Báo cáo HTML"),
        ["exportCsv"] = ("Ranking (CSV)", "Xếp hạng (CSV)"),
        ["exportXlsx"] = ("Workbook (xlsx)", "Sổ tính (xlsx)"),
        ["computing"] = ("Computing…", "Đang tính…"),
        ["roundTrip"] = ("Round trip", "Thời gian phản hồi"),
        ["error"] = ("Error", "Lỗi"),
        ["noMap"] = ("The units are not Vietnam's provinces: no tile map.", "Các đơn vị không phải tỉnh của Việt Nam: không có bản đồ ô."),
        ["moved"] = ("units change rank", "đơn vị đổi hạng"),
        ["level"] = ("level", "cấp"),
        ["server"] = ("server", "máy chủ"),
        ["tiesNote"] = ("ties", "đồng hạng"),
    };

    /// <summary>The strings of one language (<c>en</c> or <c>vi</c>), by key.</summary>
    public static Dictionary<string, string> For(string language) =>
        Strings.ToDictionary(kv => kv.Key, kv => language == "vi" ? kv.Value.Vi : kv.Value.En, StringComparer.Ordinal);

    /// <summary>One string.</summary>
    public static string Get(string language, string key) => language == "vi" ? Strings[key].Vi : Strings[key].En;
}
