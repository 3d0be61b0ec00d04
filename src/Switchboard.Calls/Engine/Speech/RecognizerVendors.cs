namespace Switchboard.Calls.Engine.Speech;

/// <summary>The speech recognizer vendors this server has engines for, by the names applications use.</summary>
public static class RecognizerVendors
{
    /// <summary>The offline engine built in (CMU pocketsphinx, US English): needs no account.</summary>
    public const string PocketSphinx = "pocketsphinx";

    /// <summary>Any server speaking OpenAI's transcription API (OpenAI, faster-whisper-server, whisper.cpp, LocalAI).</summary>
    public const string OpenAi = "openai";

    /// <summary>jambonz's name for "the application's or server's default".</summary>
    public const string Default = "default";

    public static IReadOnlyList<string> Known { get; } = [PocketSphinx, OpenAi, Default];

    /// <summary>The vendor as the engines are keyed (lower case), or null when there is no such engine.</summary>
    public static string? Normalize(string vendor)
    {
        var lower = vendor.ToLowerInvariant();
        return Known.Contains(lower) ? lower : null;
    }
}
