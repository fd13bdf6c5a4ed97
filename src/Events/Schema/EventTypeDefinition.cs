namespace MixpanelSync.Events.Schema;

/// <summary>One event type of the schema and the Mixpanel event it maps to.</summary>
/// <param name="Type">The brand event type, such as <c>video_view</c>.</param>
/// <param name="MixpanelName">The default Mixpanel event name, such as <c>Video View</c>.</param>
/// <param name="Category">The group the type belongs to.</param>
/// <param name="Description">What the event records.</param>
/// <param name="Properties">The type's properties, in the order they are sent.</param>
/// <param name="AtLeastOneOf">Optional properties of which an event must have at least one, if any.</param>
public sealed record EventTypeDefinition(
    string Type,
    string MixpanelName,
    EventCategory Category,
    string Description,
    IReadOnlyList<PropertyDefinition> Properties,
    IReadOnlyList<string>? AtLeastOneOf = null)
{
    /// <summary>Returns the property definition with the given name, or <see langword="null"/>.</summary>
    public PropertyDefinition? FindProperty(string name)
    {
        // A loop rather than LINQ: the mapper and the parser call this for every property of every event.
        for (var i = 0; i < Properties.Count; i++)
        {
            if (string.Equals(Properties[i].Name, name, StringComparison.Ordinal))
            {
                return Properties[i];
            }
        }

        return null;
    }
}
