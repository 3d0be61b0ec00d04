namespace Switchboard.Foundation.Net;

/// <summary>
/// A connection was refused because the host leads only to addresses <see cref="PublicAddressFilter"/> does not
/// allow. <see cref="HttpClient"/> hands it on as the inner exception of an <see cref="HttpRequestException"/>.
/// </summary>
public sealed class RefusedAddressException(string host, AddressScope scope)
    : Exception($"{host} leads to a {scope.ToString().ToLowerInvariant()} address, which is not allowed")
{
    /// <summary>The host of the refused URL.</summary>
    public string Host { get; } = host;

    /// <summary>The scope of the (first) refused address.</summary>
    public AddressScope Scope { get; } = scope;
}
