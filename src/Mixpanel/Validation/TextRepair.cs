namespace MixpanelSync.Mixpanel;

/// <summary>Truncation and UTF-16 repair of strings before they are encoded as UTF-8 JSON.</summary>
internal static class TextRepair
{
    /// <summary>
    /// Returns the length of the longest prefix of at most <paramref name="maxLength"/> UTF-16 code units that
    /// does not end between the two halves of a surrogate pair.
    /// </summary>
    public static int GetTruncatedLength(ReadOnlySpan<char> text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text.Length;
        }

        return char.IsHighSurrogate(text[maxLength - 1]) && char.IsLowSurrogate(text[maxLength])
            ? maxLength - 1
            : maxLength;
    }

    /// <summary>Returns whether the text contains a high or low surrogate that is not part of a pair.</summary>
    public static bool HasLoneSurrogate(ReadOnlySpan<char> text)
    {
        var index = text.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (index < 0)
        {
            return false;
        }

        for (var i = index; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsSurrogate(c))
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            return true;
        }

        return false;
    }

    /// <summary>Returns a copy of the text with every unpaired surrogate replaced by U+FFFD.</summary>
    public static string ReplaceLoneSurrogates(ReadOnlySpan<char> text)
    {
        var result = new string(text);
        return string.Create(result.Length, result, static (destination, source) =>
        {
            source.AsSpan().CopyTo(destination);
            for (var i = 0; i < destination.Length; i++)
            {
                var c = destination[i];
                if (char.IsHighSurrogate(c) && i + 1 < destination.Length && char.IsLowSurrogate(destination[i + 1]))
                {
                    i++;
                }
                else if (char.IsSurrogate(c))
                {
                    destination[i] = '\uFFFD';
                }
            }
        });
    }
}
