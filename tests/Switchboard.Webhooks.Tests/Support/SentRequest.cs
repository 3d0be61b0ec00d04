namespace Switchboard.Webhooks.Tests.Support;

/// <summary>A request as <see cref="ScriptedHandler"/> received it.</summary>
internal sealed record SentRequest(HttpMethod Method, Uri Url, IReadOnlyDictionary<string, string> Headers, byte[] Body);
