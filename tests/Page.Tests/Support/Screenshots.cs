using Microsoft.Playwright;

namespace MixpanelSync.Page.Tests.Support;

/// <summary>
/// Saves full-page screenshots. They go to <c>screenshots/</c> in the test output, or to <c>docs/screenshots/</c>
/// of the repository, which the README shows, when <see cref="UpdateVariable"/> is <c>1</c>.
/// </summary>
public static class Screenshots
{
    /// <summary>The environment variable that makes the tests replace the screenshots in docs/screenshots.</summary>
    public const string UpdateVariable = "PAGE_TESTS_UPDATE_SCREENSHOTS";

    /// <summary>Saves a screenshot as <c>{name}.png</c> and returns its path.</summary>
    public static async Task<string> SaveAsync(IPage page, string name)
    {
        var directory = Environment.GetEnvironmentVariable(UpdateVariable) == "1"
            ? Path.Combine(FindRepositoryRoot(), "docs", "screenshots")
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = path,
            FullPage = true,
            Animations = ScreenshotAnimations.Disabled,
        });
        return path;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null;
             directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MixpanelSync.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException(
            $"No folder above {AppContext.BaseDirectory} contains MixpanelSync.slnx, so docs/screenshots is unknown.");
    }
}
