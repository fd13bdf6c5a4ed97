using System.Globalization;

namespace MixpanelSync.Silo.Demo;

/// <summary>
/// A plain-text table with columns padded to their widest cell, so that the demo's output reads the same in a
/// terminal, a log file and the README.
/// </summary>
internal sealed class TextTable
{
    private readonly string[] _headers;
    private readonly bool[] _alignRight;
    private readonly List<string[]> _rows = [];

    /// <summary>
    /// Creates a table. A header that starts with '>' makes a right-aligned column, and the '>' is not shown.
    /// </summary>
    public TextTable(params string[] headers)
    {
        _alignRight = [.. headers.Select(header => header.StartsWith('>'))];
        _headers = [.. headers.Select(header => header.TrimStart('>'))];
    }

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Seconds(TimeSpan? elapsed) =>
        elapsed is { } value ? value.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) : "-";

    public void AddRow(params string[] cells)
    {
        if (cells.Length != _headers.Length)
        {
            throw new ArgumentException(
                $"The row has {cells.Length} cells, but the table has {_headers.Length} columns.",
                nameof(cells));
        }

        _rows.Add(cells);
    }

    public void Write(TextWriter output, string indent = "  ")
    {
        var widths = _headers
            .Select((header, column) => _rows.Select(row => row[column].Length).Append(header.Length).Max())
            .ToArray();
        WriteLine(output, indent, _headers, widths);
        foreach (var row in _rows)
        {
            WriteLine(output, indent, row, widths);
        }
    }

    private void WriteLine(TextWriter output, string indent, string[] cells, int[] widths)
    {
        var padded = cells.Select((cell, column) =>
            _alignRight[column] ? cell.PadLeft(widths[column]) : cell.PadRight(widths[column]));
        output.WriteLine((indent + string.Join("  ", padded)).TrimEnd());
    }
}
