namespace MixpanelSync.Events.Schema;

/// <summary>The group an event type belongs to in the schema.</summary>
public enum EventCategory
{
    /// <summary>Content shown and watched.</summary>
    Content,

    /// <summary>Reactions to content: likes, shares, comments, follows.</summary>
    Interaction,

    /// <summary>Membership of and participation in communities.</summary>
    Community,

    /// <summary>Product views, carts and purchases.</summary>
    Commerce,
}
