namespace Switchboard.Api.V1.Clients;

/// <summary>
/// The digest realm client passwords are hashed under (RFC 7616 HA1 = H(username:realm:password)). Each client
/// keeps the realm it was hashed with, so changing this later affects only passwords set afterwards.
/// </summary>
public sealed record ClientDigestOptions(string Realm)
{
    public static ClientDigestOptions Default { get; } = new("switchboard");
}
