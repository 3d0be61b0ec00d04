using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Registrar;

/// <summary>A final response the registrar answers a REGISTER with instead of changing bindings.</summary>
internal sealed record RegisterRefusal(int StatusCode, string ReasonPhrase, params SipHeader[] Headers);
