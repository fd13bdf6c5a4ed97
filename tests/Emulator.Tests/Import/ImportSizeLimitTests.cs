using System.Net;
using System.Text;

namespace MixpanelSync.Emulator.Tests;

public sealed class ImportSizeLimitTests(SmallRequestCapFixture fixture) : IClassFixture<SmallRequestCapFixture>
{
    private static readonly string TooLargeBody =
        """{"code":413,"error":"request exceeds max limit of """ +
        $$"""{{SmallRequestCapFixture.MaxRequestBytes}} bytes","status":"Request Entity Too Large"}""";

    [Fact]
    public async Task Import_BodyOverCap_Returns413AndStoresNothing()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);

        var response = await client.ImportBytesAsync(
            project.Token,
            BodyOfSize(SmallRequestCapFixture.MaxRequestBytes + 1));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
        Assert.Equal(TooLargeBody, response.Body);
        Assert.Empty(fixture.Emulator.GetEvents(project.Token));
    }

    [Fact]
    public async Task Import_BodyExactlyAtCap_IsAccepted()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);

        var response = await client.ImportBytesAsync(project.Token, BodyOfSize(SmallRequestCapFixture.MaxRequestBytes));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Single(fixture.Emulator.GetEvents(project.Token));
    }

    [Fact]
    public async Task Import_GzipUnderCapButUncompressedOver_Returns413()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var body = BodyOfSize(SmallRequestCapFixture.MaxRequestBytes + 1);
        var compressed = IngestionClient.Gzip(body);

        var response = await client.ImportGzipAsync(project.Token, body);

        Assert.True(compressed.Length < SmallRequestCapFixture.MaxRequestBytes);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
        Assert.Equal(TooLargeBody, response.Body);
        Assert.Empty(fixture.Emulator.GetEvents(project.Token));
    }

    [Fact]
    public async Task Import_GzipBomb_Returns413WithoutInflatingIt()
    {
        var project = fixture.AddProject();
        using var client = new IngestionClient(fixture.Emulator);
        var bomb = new byte[64 * 1024 * 1024];
        bomb[0] = (byte)'[';

        var before = fixture.Emulator.GetStats(project.Token);
        var response = await client.ImportGzipAsync(project.Token, bomb);
        var after = fixture.Emulator.GetStats(project.Token);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
        var inflated = after.UncompressedRequestBytes - before.UncompressedRequestBytes;
        Assert.True(inflated < 4 * SmallRequestCapFixture.MaxRequestBytes, $"inflated {inflated} bytes");
    }

    /// <summary>
    /// Returns a one-event JSON array padded with a long property to exactly <paramref name="size"/> bytes.
    /// </summary>
    private byte[] BodyOfSize(long size)
    {
        var template = Events.Array(Events.Valid(fixture.Now).With("padding", string.Empty));
        var padding = new string('x', (int)(size - Encoding.UTF8.GetByteCount(template)));
        var body = Encoding.UTF8.GetBytes(Events.Array(Events.Valid(fixture.Now).With("padding", padding)));
        Assert.Equal(size, body.Length);
        return body;
    }
}
