namespace Switchboard.Api.V1.Applications;

/// <summary>A hook in a request: this object, or just the URL as a string.</summary>
/// <param name="Url">Absolute http or https URL.</param>
/// <param name="Method"><c>POST</c> (default) or <c>GET</c>.</param>
/// <param name="Username">Basic-auth user, with <paramref name="Password"/>.</param>
/// <param name="Password">Basic-auth password; write-only.</param>
/// <param name="FallbackUrl">Where the hook's webhooks go when <paramref name="Url"/> fails with an error worth retrying.</param>
public sealed record WebhookBody(string Url, string? Method, string? Username, string? Password, string? FallbackUrl);
