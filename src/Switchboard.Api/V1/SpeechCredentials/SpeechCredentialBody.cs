namespace Switchboard.Api.V1.SpeechCredentials;

/// <summary>What <c>POST</c>/<c>PUT .../SpeechCredentials</c> accept. On PUT every field is optional.</summary>
/// <param name="Vendor"><c>openai</c> (any server speaking the OpenAI transcription API) or <c>pocketsphinx</c> (built in, no key).</param>
/// <param name="Label">Tells apart credentials of one vendor; unique in the account per vendor (one may have none).</param>
/// <param name="ApiKey">The bearer key sent to the engine; write-only. On PUT, absent keeps it and null clears it.</param>
/// <param name="BaseUrl">The engine's http(s) root (default <c>https://api.openai.com</c> for openai); it posts to <c>{base_url}/v1/audio/transcriptions</c>.</param>
/// <param name="Model">The engine's model (default <c>whisper-1</c> for openai).</param>
/// <param name="UseForStt">Whether calls use it for speech recognition (default true).</param>
/// <param name="AccountSid">On <c>POST /v1/SpeechCredentials</c>, the account (jambonz style); defaults to the key's.</param>
public sealed record SpeechCredentialBody(
    string Vendor,
    string? Label,
    string? ApiKey,
    string? BaseUrl,
    string? Model,
    bool? UseForStt,
    string? AccountSid);
