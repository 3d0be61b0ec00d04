using System.Text.Json;
using Switchboard.Storage.Applications;

namespace Switchboard.Api.V1.Calls;

/// <summary>What a <see cref="StatusHookSink"/> needs beyond the stored call to post a final status after a restart.</summary>
public sealed record StatusHookSinkState(WebhookTarget? Hook, string? ApplicationSid, string? CallerName, JsonElement? Tag);
