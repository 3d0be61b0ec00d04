namespace Switchboard.Storage.SpeechCredentials;

/// <summary>
/// What an account's calls use to reach one speech engine, shaped like jambonz's speech credentials.
/// </summary>
/// <param name="Vendor">The engine: <c>openai</c> (any server speaking the OpenAI transcription API) or <c>pocketsphinx</c>.</param>
/// <param name="Label">Tells apart several credentials of one vendor (a recognizer's <c>label</c>), or null for the vendor's default.</param>
/// <param name="ApiKey">The bearer key the engine sends, or null. Needed in clear text to call the engine; never shown.</param>
/// <param name="BaseUrl">Where the engine is (it posts to <c>{BaseUrl}/v1/audio/transcriptions</c>), or null when it needs none.</param>
/// <param name="Model">The engine's model name, or null when it needs none.</param>
/// <param name="UseForStt">Whether calls may use the credential for speech recognition.</param>
public sealed record SpeechCredentialRecord(
    string Sid,
    string AccountSid,
    string Vendor,
    string? Label,
    string? ApiKey,
    string? BaseUrl,
    string? Model,
    bool UseForStt,
    DateTimeOffset CreatedAt);
