using System.Diagnostics.CodeAnalysis;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Parsing;

/// <summary>
/// The outcome of parsing one message. A message whose framing parsed but whose mandatory headers are wrong has
/// both <see cref="Message"/> and <see cref="Error"/>, so a UAS can still answer it with 400 (RFC 3261 §8.2). A
/// request whose start line or Content-Length is wrong has no message; its error carries what was read of it
/// (<see cref="SipParseError.Request"/>) so that it can be refused all the same.
/// </summary>
public readonly record struct SipParseResult(SipMessage? Message, SipParseError? Error)
{
    [MemberNotNullWhen(true, nameof(Message))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null && Message is not null;

    public static SipParseResult Fail(SipParseErrorKind kind, string reason) => new(null, new SipParseError(kind, reason));
}
