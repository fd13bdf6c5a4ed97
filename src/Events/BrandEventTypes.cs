namespace MixpanelSync.Events;

/// <summary>The event types of the Brand Control Center schema (docs/event-schema.md).</summary>
public static class BrandEventTypes
{
    /// <summary>A piece of content was shown in a feed or list.</summary>
    public const string ContentImpression = "content_impression";

    /// <summary>A video was watched, with watch time and video length.</summary>
    public const string VideoView = "video_view";

    /// <summary>A post, video, comment or product was liked.</summary>
    public const string Like = "like";

    /// <summary>Content was shared through a channel.</summary>
    public const string Share = "share";

    /// <summary>A comment was written on content.</summary>
    public const string Comment = "comment";

    /// <summary>A creator was followed.</summary>
    public const string Follow = "follow";

    /// <summary>The end user joined a community.</summary>
    public const string CommunityJoin = "community_join";

    /// <summary>The end user left a community.</summary>
    public const string CommunityLeave = "community_leave";

    /// <summary>The end user posted in a community.</summary>
    public const string CommunityPost = "community_post";

    /// <summary>The end user voted in a community poll.</summary>
    public const string CommunityPollVote = "community_poll_vote";

    /// <summary>The end user earned a community badge.</summary>
    public const string CommunityBadge = "community_badge";

    /// <summary>A product page was viewed.</summary>
    public const string ProductView = "product_view";

    /// <summary>A product was added to the cart.</summary>
    public const string AddToCart = "add_to_cart";

    /// <summary>An order was placed: the conversion step of commerce funnels.</summary>
    public const string Purchase = "purchase";
}
