namespace Switchboard.Api.V1.Calls;

/// <summary>The Calls API's <c>to</c>: a phone number (optionally through a named trunk), a SIP URI, or a SIP client.</summary>
public sealed record CallTo(string Type, string? Number, string? Trunk, string? SipUri, string? Name)
{
    /// <summary>What the call record shows as the callee.</summary>
    public string Display => Type switch
    {
        "phone" => Number!,
        "sip" => SipUri!,
        _ => Name!,
    };
}
