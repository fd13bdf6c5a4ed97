using System.Text.Json.Nodes;

namespace MixpanelSync.MixpanelEmulator;

/// <summary>One parsed profile update: its operation, the operation's value and the $ignore_time modifier.</summary>
internal sealed record ProfileUpdate(ProfileOperation Operation, JsonNode? Value, bool IgnoreTime);
