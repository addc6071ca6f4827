namespace ProvinceIct.Indicators.Tests.Geography;

/// <summary>
/// Four columns of shared/data/vn_provinces_2016.csv (GSO statistical tables 2016, mostly preliminary; sources in
/// SOURCES_2016.md), copied as they are for the remap tests: the library has no CSV reader of its own here.
/// </summary>
internal static class Vn2016Extract
{
    public const string Csv = """
        gso_code,area_km2,population_avg_thousand,population_urban_thousand
        01,3358.9,7328.4,3928.6
        02,7929.2,816.1,122.2
        04,6700.2,529.8,122.8
        06,4860.0,319.0,59.9
        08,5867.9,766.9,104.5
        10,6364.0,684.3,157.0
        11,9540.9,557.4,84.0
        12,9069.5,436.0,75.7
        14,14123.5,1208.0,164.8
        15,6887.6,800.1,163.1
        17,4590.7,831.3,120.8
        19,3526.7,1227.4,421.1
        20,8310.2,768.7,151.9
        22,6177.7,1224.6,749.7
        24,3895.5,1657.6,188.8
        25,3534.4,1381.7,258.6
        26,1235.3,1066.0,248.5
        27,822.8,1178.6,343.1
        30,1668.3,1785.8,448.8
        31,1561.7,1980.8,925.9
        33,930.3,1170.2,152.0
        34,1586.5,1790.0,187.9
        35,862.0,803.7,125.8
        36,1668.5,1852.6,338.7
        37,1386.8,953.1,196.3
        38,11114.5,3528.3,602.4
        40,16481.7,3105.5,467.4
        42,5990.6,1266.7,230.2
        44,8000.1,877.7,172.4
        45,4621.8,623.5,184.9
        46,4902.4,1149.8,559.7
        48,1284.7,1046.2,915.0
        49,10575.0,1487.7,359.4
        51,5152.3,1251.5,220.7
        52,6066.1,1524.6,473.9
        54,5023.5,899.4,261.4
        56,5137.7,1213.8,546.4
        58,3355.2,601.4,217.7
        60,7944.0,1222.7,480.6
        62,9674.2,507.8,180.7
        64,15510.8,1417.3,423.9
        66,13030.5,1874.5,457.0
        67,6509.3,605.4,92.1
        68,9783.2,1288.2,502.3
        70,6876.6,956.4,229.2
        72,4041.4,1118.8,249.7
        74,2694.7,1995.8,1527.1
        75,5863.6,2963.8,1037.9
        77,1980.8,1092.0,561.6
        79,2061.4,8297.5,6741.2
        80,4494.8,1490.6,268.7
        82,2510.5,1740.2,269.8
        83,2394.6,1265.2,133.1
        84,2358.2,1040.5,186.3
        86,1525.6,1048.6,177.5
        87,3384.0,1687.3,299.8
        89,3536.7,2159.9,664.1
        91,6348.7,1776.7,506.3
        92,1439.2,1257.9,841.5
        93,1621.8,772.5,191.4
        94,3311.9,1312.5,401.6
        95,2669.1,886.2,233.6
        96,5221.2,1222.6,277.0
        """;

    /// <summary>Parses <see cref="Csv"/>: header, then code and numbers (empty = NaN).</summary>
    public static (string[] Codes, string[] Columns, double[][] Values) Parse()
    {
        var lines = Csv.Split('\n');
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        var values = Enumerable.Range(1, header.Length - 1)
            .Select(j => rows.Select(r => r[j].Length == 0 ? double.NaN : double.Parse(r[j], System.Globalization.CultureInfo.InvariantCulture)).ToArray())
            .ToArray();
        return (rows.Select(r => r[0]).ToArray(), header[1..], values);
    }
}
