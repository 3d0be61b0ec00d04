namespace Switchboard.Media.Speech;

/// <summary>Text to speak, with the voice hints an API may give (all optional).</summary>
/// <param name="Text">The text; never empty.</param>
/// <param name="Language">A BCP 47 tag such as <c>en-US</c>, or null for the default.</param>
/// <param name="Gender"><c>male</c>, <c>female</c>, or null.</param>
/// <param name="Voice">A vendor voice name, or null.</param>
/// <param name="Vendor">The engine to use (see <see cref="SpeechSynthesizerRegistry"/>), or null for the default.</param>
public sealed record SpeechRequest(string Text, string? Language, string? Gender, string? Voice, string? Vendor = null);
