using MixpanelSync.Events.Schema;
using MixpanelSync.Events.Tests.Importers;
using MixpanelSync.Events.Tests.Schema;

namespace MixpanelSync.Events.Tests.Docs;

public sealed class EventSchemaDocumentTests
{
    private static readonly Lazy<string[]> DocumentLines =
        new(() => File.ReadAllLines(SampleFiles.RepositoryFile("docs", "event-schema.md")));

    [Theory]
    [MemberData(nameof(SampleEvents.AllTypes), MemberType = typeof(SampleEvents))]
    public void EventTypesTable_EveryType_MatchesSchema(string type)
    {
        var definition = EventSchema.Find(type)!;

        var row = Assert.Single(
            DocumentLines.Value,
            line => line.StartsWith($"| `{type}` |", StringComparison.Ordinal));

        Assert.Contains($"| {definition.Category} | {definition.MixpanelName} |", row, StringComparison.Ordinal);
        foreach (var property in definition.Properties)
        {
            var documented = property.Required ? $"`{property.Name}`*" : $"`{property.Name}`";
            Assert.Contains(documented, row, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EventTypesTable_RowCount_MatchesSchema()
    {
        var rows = DocumentLines.Value.Count(line => EventSchema.Types.Any(definition =>
            line.StartsWith($"| `{definition.Type}` | {definition.Category} |", StringComparison.Ordinal)));

        Assert.Equal(EventSchema.Types.Count, rows);
    }
}
