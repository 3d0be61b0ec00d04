using System.Text.Json;

namespace Switchboard.Calls.Engine.Messages;

/// <summary>Live control: replace the call's application data.</summary>
internal sealed record TagUpdateRequested(JsonElement Tag) : CallMessage;
