using System.Globalization;
using Spectre.Console;

namespace MixpanelSync.Cli.Output;

/// <summary>Builds Spectre.Console tables whose cells are plain text, never markup.</summary>
internal static class Tables
{
    /// <summary>Creates a table; a header that starts with '>' makes a right-aligned column.</summary>
    public static Table Create(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var header in headers)
        {
            var column = new TableColumn(new Text(header.TrimStart('>')));
            if (header.StartsWith('>'))
            {
                column.RightAligned();
            }

            table.AddColumn(column);
        }

        return table;
    }

    public static Table AddText(this Table table, params string[] cells)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.AddRow(cells.Select(cell => (Spectre.Console.Rendering.IRenderable)new Text(cell)));
    }

    /// <summary>Creates a two-column table of names and values without a header.</summary>
    public static Grid Properties(IEnumerable<(string Name, string Value)> rows)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn();
        foreach (var (name, value) in rows)
        {
            grid.AddRow(new Text(name), new Text(value));
        }

        return grid;
    }

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Seconds(double seconds) => seconds.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Rate(double perSecond) => perSecond.ToString("N0", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "-";

    /// <summary>Formats a byte count in binary units, such as <c>1.5 MiB</c>.</summary>
    public static string Bytes(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        var format = unit == 0 ? "0" : "0.0";
        return $"{value.ToString(format, CultureInfo.InvariantCulture)} {units[unit]}";
    }
}
