using System.Text.Json;

namespace Switchboard.Api.Callback;

/// <summary>One leg of a <c>POST /voice/call/callback</c> body, validated.</summary>
/// <param name="To">A phone number, or a <c>sip:</c>/<c>sips:</c> URI when <paramref name="ToIsSipUri"/>.</param>
/// <param name="From">The caller ID the leg sees.</param>
/// <param name="Trunk">The carrier a phone number is routed through; the default carrier when null.</param>
public sealed record CallbackLegRequest(
    string To,
    bool ToIsSipUri,
    string From,
    string? CallerName,
    TimeSpan RingTimeout,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string? Trunk,
    JsonElement? Tag);
