namespace MixpanelSync.Events.Mapping;

/// <summary>The properties of a Mixpanel event being built, in wire order.</summary>
/// <remarks>
/// An event has a few dozen properties at most, so a name is looked up by comparing it with each name already
/// added. That is cheaper than keeping a hash set per event, which a sync of millions of events would allocate
/// for every one of them.
/// </remarks>
internal sealed class PropertyList(int capacity)
{
    private readonly List<KeyValuePair<string, object?>> _items = new(capacity);

    public IReadOnlyList<KeyValuePair<string, object?>> Items => _items;

    public bool Contains(string name)
    {
        foreach (var item in _items)
        {
            if (string.Equals(item.Key, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <exception cref="InvalidOperationException">
    /// The name is already used; the mapper must never send a name twice.
    /// </exception>
    public void Add(string name, object? value)
    {
        if (Contains(name))
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
