using Switchboard.Sip.Messages;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Calls.Engine;

/// <summary>
/// A SIP request an application sends on its live call (INFO, MESSAGE, NOTIFY ...), in the engine's words: the
/// dialog's own headers are written by the SIP layer, <see cref="Headers"/> adds others.
/// </summary>
/// <param name="Method">The SIP method, upper case; see <see cref="CanSend"/>.</param>
public sealed record InDialogRequest(string Method)
{
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The body's media type; <c>text/plain</c> when a body is given without one.</summary>
    public string? ContentType { get; init; }

    public string? Body { get; init; }

    /// <summary>
    /// Whether an application may send <paramref name="method"/> inside its call: a SIP token that is not one of the
    /// methods the dialog itself owns (INVITE, ACK, BYE, CANCEL, PRACK, UPDATE, REFER, SUBSCRIBE, REGISTER), which
    /// would change the dialog or the session behind the engine's back.
    /// </summary>
    public static bool CanSend(string method) =>
        method.Length is > 0 and <= 32 && method.All(c => c is >= 'A' and <= 'Z' or '-' or '_')
        && !SipInDialogRequest.IsReservedForDialog(new SipMethod(method));

    /// <summary>Whether the SIP layer writes <paramref name="name"/> itself, so an application may not set it.</summary>
    public static bool IsDialogHeader(string name) => SipInDialogRequest.IsDialogHeader(name);

    internal SipInDialogRequest ToSip() => new(new SipMethod(Method)) { Headers = Headers, ContentType = ContentType, Body = Body };
}
