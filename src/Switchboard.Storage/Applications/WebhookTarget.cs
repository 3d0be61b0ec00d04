namespace Switchboard.Storage.Applications;

/// <summary>
/// Where a hook posts: jambonz accepts either a bare URL or <c>{url, method, username, password}</c> (and we add
/// <c>fallback_url</c>);
/// both are stored in this one shape. <paramref name="Method"/> is <c>POST</c> unless set.
/// </summary>
public sealed record WebhookTarget(string Url, string Method, string? Username, string? Password)
{
    /// <summary>Where the hook's webhooks go when <see cref="Url"/> fails with an error worth retrying.</summary>
    public string? FallbackUrl { get; init; }
}
