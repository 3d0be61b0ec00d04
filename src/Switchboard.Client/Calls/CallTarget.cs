using System.Text.Json.Serialization;

namespace Switchboard.Client.Calls;

/// <summary>Whom a call rings: a phone number, a SIP URI, or a registered SIP client.</summary>
public sealed record CallTarget
{
    /// <summary><c>phone</c>, <c>sip</c> or <c>user</c>.</summary>
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    /// <summary>phone: digits with an optional leading <c>+</c>.</summary>
    [JsonPropertyName("number")]
    public string? Number { get; init; }

    /// <summary>phone: the carrier (one of the account's VoipCarriers by name) to route it through.</summary>
    [JsonPropertyName("trunk")]
    public string? Trunk { get; init; }

    /// <summary>sip: the URI dialled directly.</summary>
    [JsonPropertyName("sipUri")]
    public string? SipUri { get; init; }

    /// <summary>user: the SIP client's user name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    public static CallTarget Phone(string number, string? trunk = null) => new() { Type = "phone", Number = number, Trunk = trunk };

    public static CallTarget Sip(string uri) => new() { Type = "sip", SipUri = uri };

    public static CallTarget User(string name) => new() { Type = "user", Name = name };
}
