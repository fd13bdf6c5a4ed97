using System.Text;
using Spectre.Console;

namespace MixpanelSync.Cli.Output;

/// <summary>
/// A <see cref="TextWriter"/> that writes straight to a Spectre.Console console's output, for the parser's help
/// and errors, which wrap their own lines.
/// </summary>
internal sealed class ConsoleWriter(IAnsiConsole console) : TextWriter
{
    private TextWriter Writer => console.Profile.Out.Writer;

    public override Encoding Encoding => Writer.Encoding;

    public override void Write(char value) => Writer.Write(value);

    public override void Write(string? value) => Writer.Write(value);

    public override void WriteLine(string? value) => Writer.WriteLine(value);

    public override void Flush() => Writer.Flush();
}
