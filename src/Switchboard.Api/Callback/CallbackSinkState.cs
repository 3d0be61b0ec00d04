using Switchboard.Api.Conversation;

namespace Switchboard.Api.Callback;

/// <summary>
/// What a callback session's events need to post its final event after a restart: the session, both legs'
/// calls, and where the events go.
/// </summary>
public sealed record CallbackSinkState(
    string SessionSid,
    string LegASid,
    string LegBSid,
    Uri Url,
    Uri? FallbackUrl,
    CallbackStrategy Strategy);
