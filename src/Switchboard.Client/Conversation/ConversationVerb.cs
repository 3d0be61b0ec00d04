namespace Switchboard.Client.Conversation;

/// <summary>One verb of a dial plan: build it with <see cref="Pause"/>, <see cref="Say"/>, <see cref="Play"/>, <see cref="Collect"/> or <see cref="Dial"/>.</summary>
public sealed record ConversationVerb
{
    /// <summary><c>PAUSE</c>, <c>SAY</c>, <c>PLAY</c>, <c>COLLECT</c> or <c>DIAL</c>.</summary>
    public required string Type { get; init; }

    public double? Duration { get; init; }

    public SayMessage? Message { get; init; }

    public bool? BargeIn { get; init; }

    public string? FileUrl { get; init; }

    public string? EventUrl { get; init; }

    public int? MaxDigits { get; init; }

    public bool? SubmitOnHash { get; init; }

    public int? Timeout { get; init; }

    public string? To { get; init; }

    public string? From { get; init; }

    /// <summary>Seconds of silence.</summary>
    public static ConversationVerb Pause(double seconds) => new() { Type = "PAUSE", Duration = seconds };

    public static ConversationVerb Say(string text, string? gender = null, string? language = null, bool? bargeIn = null) =>
        new() { Type = "SAY", Message = new SayMessage(text, gender, language), BargeIn = bargeIn };

    /// <summary>A WAV or MP3 file fetched over http(s).</summary>
    public static ConversationVerb Play(string fileUrl, bool? bargeIn = null) => new() { Type = "PLAY", FileUrl = fileUrl, BargeIn = bargeIn };

    /// <summary>Keys pressed, posted to <paramref name="eventUrl"/>; its answer's verbs continue the call.</summary>
    public static ConversationVerb Collect(string eventUrl, int? maxDigits = null, bool? submitOnHash = null, int? timeout = null) =>
        new() { Type = "COLLECT", EventUrl = eventUrl, MaxDigits = maxDigits, SubmitOnHash = submitOnHash, Timeout = timeout };

    /// <summary>Calls <paramref name="to"/> and connects it to the call.</summary>
    public static ConversationVerb Dial(string to, string? from = null, int? timeout = null) => new() { Type = "DIAL", To = to, From = from, Timeout = timeout };
}
