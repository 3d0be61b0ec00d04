namespace Switchboard.Calls.Engine;

/// <summary>
/// A request the call's peer sent inside the dialog, already answered (INFO with a body other than keys, MESSAGE), for
/// an application that asked to hear them (jambonz's <c>sipRequestWithinDialogHook</c>).
/// </summary>
/// <param name="Headers">All the request's headers, in order.</param>
public sealed record PeerRequest(string Method, string? ContentType, string Body, IReadOnlyList<KeyValuePair<string, string>> Headers);
