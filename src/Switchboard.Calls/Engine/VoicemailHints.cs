namespace Switchboard.Calls.Engine;

/// <summary>
/// Phrases that mark a greeting as a voicemail's whatever its length (jambonz matches such a list per language). Only
/// English is known; a greeting in another language is judged by its cadence alone.
/// </summary>
public static class VoicemailHints
{
    private static readonly string[] English =
    [
        "leave a message", "leave your message", "leave me a message", "leave your name", "after the tone", "after the beep",
        "voicemail", "voice mail", "mailbox", "not available", "unavailable", "can't take your call", "cannot take your call",
        "can't come to the phone", "cannot come to the phone", "record your message", "get back to you",
    ];

    /// <summary>The first phrase <paramref name="transcript"/> holds, or null; a transcript in another language holds none.</summary>
    public static string? Find(string transcript, string? language)
    {
        if (language is not null && !language.StartsWith("en", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var words = string.Join(' ', transcript.ToLowerInvariant().Replace('’', '\'').Split([' ', ',', '.', '!', '?', ';', ':'], StringSplitOptions.RemoveEmptyEntries));
        return English.FirstOrDefault(hint => (" " + words + " ").Contains(" " + hint + " ", StringComparison.Ordinal));
    }
}
