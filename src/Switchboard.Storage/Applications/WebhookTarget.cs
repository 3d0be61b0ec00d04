namespace Switchboard.Storage.Applications;

/// <summary>
/// Where a hook posts: jambonz accepts either a bare URL or <c>{url, method, username, password}</c>;
/// both are stored in this one shape. <paramref name="Method"/> is <c>POST</c> unless set.
/// </summary>
public sealed record WebhookTarget(string Url, string Method, string? Username, string? Password);
