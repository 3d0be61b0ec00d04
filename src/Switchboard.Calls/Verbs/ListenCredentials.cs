namespace Switchboard.Calls.Verbs;

/// <summary>The user name and password a <c>listen</c> sends with its WebSocket handshake as HTTP Basic authorization.</summary>
public sealed record ListenCredentials(string Username, string Password)
{
    /// <summary>Kept out of logs and exception messages.</summary>
    public override string ToString() => $"{nameof(ListenCredentials)} {{ Username = {Username} }}";
}
