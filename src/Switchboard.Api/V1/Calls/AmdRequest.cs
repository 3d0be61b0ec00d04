using System.Text.Json;
using Switchboard.Storage.Applications;

namespace Switchboard.Api.V1.Calls;

/// <summary>The <c>amd</c> object: where answering-machine events go, and the detector's tuning as given.</summary>
public sealed record AmdRequest(WebhookTarget ActionHook, JsonElement Options);
