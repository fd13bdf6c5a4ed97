using System.Text.Json;
using Microsoft.Playwright;

namespace MixpanelSync.Page.Tests.Support;

/// <summary>One rule that axe-core found broken, with the CSS selectors of the elements at fault.</summary>
/// <param name="Id">The axe rule id, such as <c>color-contrast</c>.</param>
/// <param name="Impact"><c>minor</c>, <c>moderate</c>, <c>serious</c> or <c>critical</c>.</param>
/// <param name="Help">The rule's one-line description.</param>
/// <param name="Targets">Selectors of the failing elements.</param>
public sealed record AxeViolation(string Id, string Impact, string Help, IReadOnlyList<string> Targets)
{
    public override string ToString() => $"{Impact} {Id} ({Help}): {string.Join(", ", Targets)}";
}

/// <summary>
/// Runs axe-core (npm package axe-core, copied from tests/Page.Tests/axe/node_modules into the test output) in a
/// page. The page's Content-Security-Policy blocks added scripts, so the browser context must bypass it.
/// </summary>
public static class Axe
{
    private const string RunScript = """
        async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.map(v => ({
            id: v.id,
            impact: v.impact ?? 'unknown',
            help: v.help,
            targets: v.nodes.map(n => n.target.join(' ')),
        }))
        """;

    /// <summary>Runs every axe rule on the whole document and returns the violations.</summary>
    public static async Task<IReadOnlyList<AxeViolation>> RunAsync(IPage page)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "axe.min.js");
        if (!File.Exists(script))
        {
            throw new FileNotFoundException(
                "axe.min.js is missing from the test output. Run 'npm ci' in tests/Page.Tests/axe, then build the "
                + "tests again.",
                script);
        }

        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = script });
        var found = await page.EvaluateAsync<JsonElement>(RunScript);
        return
        [
            .. found.EnumerateArray().Select(violation => new AxeViolation(
                violation.GetProperty("id").GetString()!,
                violation.GetProperty("impact").GetString()!,
                violation.GetProperty("help").GetString()!,
                [.. violation.GetProperty("targets").EnumerateArray().Select(target => target.GetString()!)])),
        ];
    }
}
