namespace MixpanelSync.Api.Tests.Support;

/// <summary>The tests that share one <see cref="ApiHostFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiHostFixture>
{
    public const string Name = "api";
}
