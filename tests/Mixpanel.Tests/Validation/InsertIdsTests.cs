namespace MixpanelSync.Mixpanel.Tests.Validation;

public sealed class InsertIdsTests
{
    [Fact]
    public void Create_SameInputs_ReturnsSameId()
    {
        Assert.Equal(InsertIds.Create("brand-1", "evt-9"), InsertIds.Create("brand-1", "evt-9"));
    }

    [Fact]
    public void Create_AnyInputs_ReturnsWellFormedHexId()
    {
        var id = InsertIds.Create("brand-with-a-very-long-identifier-" + new string('x', 500), "evt:with/odd chars é");

        Assert.Equal(InsertIds.Length, id.Length);
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.True(InsertIds.IsWellFormed(id));
    }

    [Fact]
    public void Create_ShiftedBoundaryBetweenBrandAndEvent_ReturnsDifferentIds()
    {
        Assert.NotEqual(InsertIds.Create("ab", "c"), InsertIds.Create("a", "bc"));
    }

    [Fact]
    public void Create_DifferentBrandsSameEvent_ReturnsDifferentIds()
    {
        Assert.NotEqual(InsertIds.Create("brand-1", "evt-9"), InsertIds.Create("brand-2", "evt-9"));
    }

    [Fact]
    public void Create_KnownInput_ReturnsStableValue()
    {
        // Pinned, and checked against an independent SHA-256, so that a change of the derivation (which would stop
        // re-runs from deduplicating) fails a test.
        Assert.Equal("5206579aca5441e80d1e7a17a52a9fbe", InsertIds.Create("brand-1", "evt-1"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void Create_EmptyBrand_Throws(string? brandId)
    {
        Assert.ThrowsAny<ArgumentException>(() => InsertIds.Create(brandId!, "evt-1"));
    }

    [Fact]
    public void Derive_SameValueAsCreateInput_DoesNotCollideWithCreate()
    {
        Assert.NotEqual(InsertIds.Derive("brand-1"), InsertIds.Create("brand-1", "x"));
    }

    [Theory]
    [InlineData("a", true)]
    [InlineData("0f3c2b1a-9d8e-7f6a-5b4c-3d2e1f0a9b8c", true)]
    [InlineData("0f3c2b1a-9d8e-7f6a-5b4c-3d2e1f0a9b8c1", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("a:b", false)]
    [InlineData("a_b", false)]
    [InlineData("é", false)]
    public void IsWellFormed_Value_MatchesMixpanelPattern(string? value, bool expected)
    {
        Assert.Equal(expected, InsertIds.IsWellFormed(value));
    }
}
