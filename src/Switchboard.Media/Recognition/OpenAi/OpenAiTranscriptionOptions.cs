namespace Switchboard.Media.Recognition.OpenAi;

/// <summary>
/// One credential of an OpenAI-compatible transcription service: OpenAI itself, or a self-hosted Whisper server
/// (faster-whisper-server, whisper.cpp's server, LocalAI) that speaks the same "Create transcription" request.
/// </summary>
public sealed record OpenAiTranscriptionOptions
{
    /// <summary>The vendor name of OpenAI's own service, and of the engine unless <see cref="Vendor"/> says otherwise.</summary>
    public const string OpenAiVendor = "openai";

    /// <summary>
    /// Where the service is. Requests go to <c>{BaseUrl}/v1/audio/transcriptions</c>; a base that already ends in
    /// <c>/v1</c> (as OpenAI's client libraries write it) is taken as it is.
    /// </summary>
    public Uri BaseUrl { get; init; } = new("https://api.openai.com");

    /// <summary>The bearer key; null or empty sends no <c>Authorization</c> (self-hosted servers often need none).</summary>
    public string? ApiKey { get; init; }

    /// <summary>The model asked for when the recognition names none (<c>whisper-1</c> is OpenAI's Whisper).</summary>
    public string Model { get; init; } = "whisper-1";

    /// <summary>The longest one recognition may take, from sending the audio to the whole answer.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The vendor name applications use for this engine (jambonz <c>recognizer.vendor</c>).</summary>
    public string Vendor { get; init; } = OpenAiVendor;

    /// <summary>The largest answer read (1 MiB: a transcript of a 30-second utterance is a few hundred bytes).</summary>
    public int MaxAnswerBytes { get; init; } = 1024 * 1024;
}
