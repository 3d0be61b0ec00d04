namespace Switchboard.Client.Callback;

/// <summary>A leg's call sid.</summary>
public sealed record CallbackLegSid(string Sid);
