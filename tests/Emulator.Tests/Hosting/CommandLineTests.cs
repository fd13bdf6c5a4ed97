using MixpanelSync.MixpanelEmulator;

namespace MixpanelSync.Emulator.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void Parse_ProjectWithSettings_BuildsProject()
    {
        var settings = CommandLine.Parse(
        [
            "--port", "9000",
            "--project", "tok-1,residency=eu,identity=original,project-id=42,sa-user=bot,sa-secret=s3,rate-events=10",
            "--project", "tok-2",
            "--wrong-residency", "unauthorized",
            "--counting-only",
        ]);

        Assert.Equal(9000, settings.Options.BasePort);
        Assert.True(settings.Options.CountingOnly);
        Assert.Equal(WrongResidencyBehavior.Unauthorized, settings.Options.WrongResidency);
        var first = settings.Options.Projects[0];
        Assert.Equal("tok-1", first.Token);
        Assert.Equal(EmulatorResidency.Eu, first.Residency);
        Assert.Equal(EmulatorIdentityMode.Original, first.IdentityMode);
        Assert.Equal("42", first.ProjectId);
        Assert.Equal(new EmulatorServiceAccount("bot", "s3"), first.ServiceAccount);
        Assert.Equal(10, first.RateLimit!.MaxEvents);
        Assert.Equal("tok-2", settings.Options.Projects[1].Token);
    }

    [Fact]
    public void Parse_NoArguments_UsesDefaultPort()
    {
        var settings = CommandLine.Parse([]);

        Assert.Equal(CommandLine.DefaultBasePort, settings.Options.BasePort);
        Assert.Empty(settings.Options.Projects);
    }

    [Theory]
    [InlineData("--port")]
    [InlineData("--port", "abc")]
    [InlineData("--unknown")]
    [InlineData("--project", "tok,residency=mars")]
    [InlineData("--project", "tok,sa-user=only")]
    [InlineData("--wrong-residency", "maybe")]
    public void Parse_InvalidArguments_ThrowsFormatException(params string[] args)
    {
        Assert.Throws<FormatException>(() => CommandLine.Parse(args));
    }

    [Fact]
    public void Parse_Help_SetsShowHelp()
    {
        Assert.True(CommandLine.Parse(["--help"]).ShowHelp);
    }
}
