using Switchboard.Calls.Engine.Messages;

namespace Switchboard.Calls.Callbacks.Messages;

/// <summary>The API asked to end the session (<c>DELETE</c>), or the server is shutting down.</summary>
internal sealed record SessionHangupRequested(string Reason) : CallMessage;
