using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;

namespace Switchboard.Api.V1.Recordings;

/// <summary>
/// Where a recording's audio is served: always the account's long route, absolute on the address the client
/// used, so the URL works with any key that may read the account.
/// </summary>
public static class RecordingUrls
{
    /// <summary><c>{scheme}://{host}/v1/Accounts/{account_sid}/Recordings/</c> as seen by <paramref name="request"/>.</summary>
    public static string CollectionUrl(HttpRequest request, string accountSid) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}{V1Endpoints.Prefix}/Accounts/{Uri.EscapeDataString(accountSid)}/Recordings/";

    /// <summary>
    /// The same under the server's own address, for calls no request started (inbound calls): the first address
    /// the HTTP server listens on.
    /// </summary>
    public static string CollectionUrl(IServer server, string accountSid) =>
        $"{server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()?.TrimEnd('/')}{V1Endpoints.Prefix}/Accounts/{Uri.EscapeDataString(accountSid)}/Recordings/";

    /// <summary>The WAV of one recording under <paramref name="collectionUrl"/> (from <see cref="CollectionUrl"/>).</summary>
    public static string MediaUrl(string collectionUrl, string recordingSid) =>
        collectionUrl + Uri.EscapeDataString(recordingSid) + "/media";
}
