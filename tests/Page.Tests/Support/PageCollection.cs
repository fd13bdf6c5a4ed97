namespace MixpanelSync.Page.Tests.Support;

/// <summary>The page tests, which share one <see cref="PageFixture"/> and run one class after another.</summary>
[CollectionDefinition(Name)]
public sealed class PageCollection : ICollectionFixture<PageFixture>
{
    public const string Name = "settings page";
}
