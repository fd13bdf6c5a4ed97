namespace MixpanelSync.Events.Mapping;

/// <summary>The properties of a Mixpanel event being built, in wire order, with a lookup of the names used.</summary>
internal sealed class PropertyList
{
    private readonly List<KeyValuePair<string, object?>> _items = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public IReadOnlyList<KeyValuePair<string, object?>> Items => _items;

    public bool Contains(string name) => _names.Contains(name);

    /// <exception cref="InvalidOperationException">
    /// The name is already used; the mapper must never send a name twice.
    /// </exception>
    public void Add(string name, object? value)
    {
        if (!_names.Add(name))
        {
            throw new InvalidOperationException($"The property '{name}' was added twice.");
        }

        _items.Add(new KeyValuePair<string, object?>(name, value));
    }

    public void AddIfSet(string name, string? value)
    {
        if (value is not null)
        {
            Add(name, value);
        }
    }
}
