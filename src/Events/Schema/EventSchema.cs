using System.Collections.Frozen;
using static MixpanelSync.Events.Schema.PropertyKind;

namespace MixpanelSync.Events.Schema;

/// <summary>
/// The Brand Control Center event schema: every event type, its Mixpanel name and its properties. The
/// table in docs/event-schema.md lists the same definitions, and a test keeps the two in step.
/// </summary>
public static class EventSchema
{
    /// <summary>Every event type, grouped by category.</summary>
    public static IReadOnlyList<EventTypeDefinition> Types { get; } =
    [
        Define(BrandEventTypes.ContentImpression, "Content Impression", EventCategory.Content,
            "A piece of content was shown to the end user.",
            Property("content_id", Text, true, "The content shown."),
            Property("content_type", Text, false, "video, post, article, image or another kind of content."),
            Property("surface", Text, false, "Where it was shown, such as feed, search or profile."),
            Property("position", NonNegativeInteger, false, "The 0-based position in the list.")),
        Define(BrandEventTypes.VideoView, "Video View", EventCategory.Content,
            "A video was watched. The mapping adds completion_ratio and completed when duration_ms is known.",
            Property("video_id", Text, true, "The video watched."),
            Property("watch_time_ms", NonNegativeInteger, true,
                "Time watched in milliseconds; may exceed duration_ms when the video loops."),
            Property("duration_ms", PositiveInteger, false, "The video's length in milliseconds; omit when unknown."),
            Property("creator_id", Text, false, "The creator of the video.")),
        Define(BrandEventTypes.Like, "Like", EventCategory.Interaction,
            "Content was liked.",
            Property("target_id", Text, true, "The liked post, video, comment or product."),
            Property("target_type", Text, false, "post, video, comment or product.")),
        Define(BrandEventTypes.Share, "Share", EventCategory.Interaction,
            "Content was shared.",
            Property("target_id", Text, true, "The shared content."),
            Property("channel", Text, true, "Where it was shared, such as in_app, whatsapp, email or copy_link."),
            Property("target_type", Text, false, "post, video or product.")),
        Define(BrandEventTypes.Comment, "Comment", EventCategory.Interaction,
            "A comment was written.",
            Property("target_id", Text, true, "The content commented on."),
            Property("comment_id", Text, false, "The new comment."),
            Property("target_type", Text, false, "post, video or product."),
            Property("length_chars", NonNegativeInteger, false, "The comment's length in characters.")),
        DefineWithChoice(BrandEventTypes.Follow, "Follow", EventCategory.Interaction,
            "A creator was followed. At least one of creator_id and content_id is required.",
            ["creator_id", "content_id"],
            Property("creator_id", Text, false, "The creator followed."),
            Property("content_id", Text, false, "The content whose creator was followed.")),
        Define(BrandEventTypes.CommunityJoin, "Community Join", EventCategory.Community,
            "The end user joined a community.",
            Property("community_id", Text, true, "The community joined."),
            Property("source", Text, false, "How they joined, such as invite, search or sign_up.")),
        Define(BrandEventTypes.CommunityLeave, "Community Leave", EventCategory.Community,
            "The end user left a community.",
            Property("community_id", Text, true, "The community left."),
            Property("reason", Text, false, "Why, if the brand knows.")),
        Define(BrandEventTypes.CommunityPost, "Community Post", EventCategory.Community,
            "The end user posted in a community.",
            Property("community_id", Text, true, "The community posted in."),
            Property("post_id", Text, true, "The new post."),
            Property("post_type", Text, false, "question, answer, article, image or another kind of post.")),
        Define(BrandEventTypes.CommunityPollVote, "Community Poll Vote", EventCategory.Community,
            "The end user voted in a community poll.",
            Property("community_id", Text, true, "The community of the poll."),
            Property("poll_id", Text, true, "The poll."),
            Property("option_id", Text, true, "The option voted for.")),
        Define(BrandEventTypes.CommunityBadge, "Community Badge Earned", EventCategory.Community,
            "The end user earned a badge for taking part in a community.",
            Property("community_id", Text, true, "The community that awarded it."),
            Property("badge_name", Text, true, "The badge's name."),
            Property("badge_class", Text, false, "The badge's rank, such as gold, silver or bronze.")),
        Define(BrandEventTypes.ProductView, "Product View", EventCategory.Commerce,
            "A product page was viewed: the first step of commerce funnels.",
            Property("product_id", Text, true, "The product viewed."),
            Property("category", Text, false, "The product's category."),
            Property("price", Money, false, "The unit price shown."),
            Property("currency", CurrencyCode, false, "The price's currency; required with price.", "price")),
        Define(BrandEventTypes.AddToCart, "Add to Cart", EventCategory.Commerce,
            "A product was added to the cart.",
            Property("product_id", Text, true, "The product added."),
            Property("quantity", PositiveInteger, false, "How many were added."),
            Property("price", Money, false, "The unit price."),
            Property("currency", CurrencyCode, false, "The price's currency; required with price.", "price")),
        Define(BrandEventTypes.Purchase, "Purchase", EventCategory.Commerce,
            "An order was placed: the conversion step of commerce funnels.",
            Property("order_id", Text, true, "The order; several purchase events of one checkout share it."),
            Property("amount", Money, false, "The order total; omit only when the source has no prices."),
            Property("currency", CurrencyCode, false, "The amount's currency; required with amount.", "amount"),
            Property("product_id", Text, false, "The product bought, when one event records one product."),
            Property("product_ids", TextList, false, "The products bought, when one event records the order."),
            Property("item_count", PositiveInteger, false, "How many items the order has.")),
    ];

    private static readonly FrozenDictionary<string, EventTypeDefinition> ByType =
        Types.ToFrozenDictionary(definition => definition.Type, StringComparer.Ordinal);

    /// <summary>Returns the definition of an event type, or <see langword="null"/> if the schema has none.</summary>
    public static EventTypeDefinition? Find(string type) => ByType.GetValueOrDefault(type);

    private static EventTypeDefinition Define(
        string type,
        string mixpanelName,
        EventCategory category,
        string description,
        params PropertyDefinition[] properties) =>
        new(type, mixpanelName, category, description, properties);

    private static EventTypeDefinition DefineWithChoice(
        string type,
        string mixpanelName,
        EventCategory category,
        string description,
        string[] atLeastOneOf,
        params PropertyDefinition[] properties) =>
        new(type, mixpanelName, category, description, properties, atLeastOneOf);

    private static PropertyDefinition Property(
        string name,
        PropertyKind kind,
        bool required,
        string description,
        string? requiredWith = null) =>
        new(name, kind, required, description, requiredWith);
}
