namespace Switchboard.Api.V1.Calls;

/// <summary>
/// The speech recognizer an application's calls use unless a verb names its own: the vendor (<c>pocketsphinx</c>,
/// <c>openai</c>, or <c>default</c> for the server's), the language tag, and the label of the account's speech
/// credential of that vendor. Any may be null, meaning the server's choice.
/// </summary>
public sealed record RecognizerDefaults(string? Vendor, string? Language, string? Label);
