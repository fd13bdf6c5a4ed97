using System.Globalization;
using System.Text;

namespace MixpanelSync.Mixpanel;

/// <summary>
/// The path of the value being written, kept as a stack so that a field name string is built only when an
/// issue is reported.
/// </summary>
internal sealed class FieldPath
{
    private readonly List<(string? Name, int Index)> _segments = new(8);

    public void Clear() => _segments.Clear();

    public void Push(string name) => _segments.Add((name, -1));

    public void Push(int index) => _segments.Add((null, index));

    public void Pop() => _segments.RemoveAt(_segments.Count - 1);

    /// <summary>Formats the path in Mixpanel's notation, such as <c>properties.device.os[2]</c>.</summary>
    public string Format()
    {
        var text = new StringBuilder("properties");
        foreach (var (name, index) in _segments)
        {
            if (name is null)
            {
                text.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else
            {
                text.Append('.').Append(name);
            }
        }

        return text.ToString();
    }
}
