using System.Globalization;
using System.Xml;

namespace MixpanelSync.Events.Importers;

/// <summary>
/// Turns a Stack Exchange data dump (Users.xml, Badges.xml, Votes.xml) into community events, reading each file
/// as a stream of <c>row</c> elements so that memory stays flat whatever the file size.
/// </summary>
/// <remarks>
/// Users become <c>community_join</c> at their CreationDate, badges <c>community_badge</c>, and votes that carry a
/// UserId become <c>like</c> of the post. User -1 is the site's system account and is skipped everywhere. Dump
/// times have no offset and are UTC. User ids are <c>se-user-{Id}</c>; event ids are <c>se-join-{UserId}</c>,
/// <c>se-badge-{Id}</c> and <c>se-vote-{Id}</c>.
/// </remarks>
public static class StackExchangeImporter
{
    private const string SystemAccountId = "-1";

    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        IgnoreComments = true,
        IgnoreWhitespace = true,
    };

    /// <summary>Yields a <c>community_join</c> for every member except the system account.</summary>
    public static IEnumerable<BrandEvent> ReadUsers(Stream users, string communityId)
    {
        ArgumentException.ThrowIfNullOrEmpty(communityId);
        foreach (var row in Rows(users))
        {
            var userId = row.Required("Id");
            if (userId == SystemAccountId)
            {
                continue;
            }

            yield return NewEvent(
                $"se-join-{userId}",
                BrandEventTypes.CommunityJoin,
                userId,
                row.Date("CreationDate"),
                ("community_id", communityId));
        }
    }

    /// <summary>Yields a <c>community_badge</c> for every badge of a member.</summary>
    public static IEnumerable<BrandEvent> ReadBadges(Stream badges, string communityId)
    {
        ArgumentException.ThrowIfNullOrEmpty(communityId);
        foreach (var row in Rows(badges))
        {
            var userId = row.Required("UserId");
            if (userId == SystemAccountId)
            {
                continue;
            }

            yield return NewEvent(
                $"se-badge-{row.Required("Id")}",
                BrandEventTypes.CommunityBadge,
                userId,
                row.Date("Date"),
                ("community_id", communityId),
                ("badge_name", row.Required("Name")),
                ("badge_class", BadgeClass(row.Optional("Class"))),
                ("tag_based", string.Equals(row.Optional("TagBased"), "True", StringComparison.OrdinalIgnoreCase)));
        }
    }

    /// <summary>
    /// Yields a <c>like</c> of the post for every vote that names its voter; the dump leaves most votes anonymous.
    /// </summary>
    public static IEnumerable<BrandEvent> ReadVotes(Stream votes)
    {
        foreach (var row in Rows(votes))
        {
            if (row.Optional("UserId") is not { } userId || userId == SystemAccountId)
            {
                continue;
            }

            var bounty = row.Optional("BountyAmount");
            yield return NewEvent(
                $"se-vote-{row.Required("Id")}",
                BrandEventTypes.Like,
                userId,
                row.Date("CreationDate"),
                ("target_id", $"se-post-{row.Required("PostId")}"),
                ("target_type", "post"),
                ("vote_type", VoteType(row.Required("VoteTypeId"))),
                ("bounty_amount", bounty is null ? null : long.Parse(bounty, CultureInfo.InvariantCulture)));
        }
    }

    private static IEnumerable<XmlRow> Rows(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = XmlReader.Create(stream, ReaderSettings);
        while (reader.ReadToFollowing("row"))
        {
            yield return new XmlRow(reader);
        }
    }

    private static BrandEvent NewEvent(
        string eventId,
        string type,
        string userId,
        DateTimeOffset occurredAt,
        params (string Name, object? Value)[] properties)
    {
        return new BrandEvent
        {
            EventId = eventId,
            Type = type,
            OccurredAt = occurredAt,
            UserId = $"se-user-{userId}",
            Properties = properties
                .Where(p => p.Value is not null)
                .ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal),
        };
    }

    private static string? BadgeClass(string? badgeClass) => badgeClass switch
    {
        "1" => "gold",
        "2" => "silver",
        "3" => "bronze",
        _ => null,
    };

    // The vote types of the Stack Exchange data dump schema that can carry a UserId.
    private static string VoteType(string voteTypeId) => voteTypeId switch
    {
        "1" => "accepted_answer",
        "2" => "up_vote",
        "3" => "down_vote",
        "5" => "favorite",
        "8" => "bounty_start",
        "9" => "bounty_close",
        _ => $"vote_type_{voteTypeId}",
    };

    /// <summary>The attributes of the <c>row</c> element the reader is on.</summary>
    private readonly struct XmlRow(XmlReader reader)
    {
        public string? Optional(string name) => reader.GetAttribute(name);

        public string Required(string name) =>
            reader.GetAttribute(name) ?? throw new FormatException(
                $"A row on line {(reader as IXmlLineInfo)?.LineNumber} has no {name} attribute.");

        public DateTimeOffset Date(string name) =>
            new(DateTime.SpecifyKind(
                DateTime.Parse(Required(name), CultureInfo.InvariantCulture, DateTimeStyles.None),
                DateTimeKind.Utc));
    }
}
