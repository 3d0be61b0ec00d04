using System.Text.Json.Serialization;

namespace Switchboard.Api.V1.Calls;

/// <summary>
/// The answer to a create: our call sid and the INVITE's SIP Call-ID, as <c>callid</c> (seed 003) and as
/// <c>callId</c>, the name jambonz's own answer and its client library use.
/// </summary>
public sealed record CallCreated(string Sid, [property: JsonPropertyName("callid")] string SipCallId)
{
    // Named apart from the constructor's parameter: a second property matching it (Callid/CallId) makes the
    // serializer's metadata ambiguous and every create answer fail.
    [JsonPropertyName("callId")]
    public string CallId => SipCallId;
}
