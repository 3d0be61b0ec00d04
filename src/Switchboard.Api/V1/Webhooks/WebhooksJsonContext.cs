using System.Text.Json.Serialization;

namespace Switchboard.Api.V1.Webhooks;

/// <summary>Source-generated JSON for the webhook resources, snake_case like the rest of /v1.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(WebhookSecretResponse))]
[JsonSerializable(typeof(WebhookFailureResponse[]))]
public sealed partial class WebhooksJsonContext : JsonSerializerContext;
