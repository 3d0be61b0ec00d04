namespace Switchboard.Api.Callback;

/// <summary>A leg in <see cref="CallbackCreated"/>: the sid its call has in the Calls API.</summary>
public sealed record CallbackLegSid(string Sid);
