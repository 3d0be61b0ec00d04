namespace Switchboard.Media.Audio;

/// <summary>Why <see cref="AudioFetcher"/> returned no clip.</summary>
public enum AudioFetchError
{
    /// <summary>No error: the fetch succeeded.</summary>
    None,

    /// <summary>Not an absolute http or https URL.</summary>
    InvalidUrl,

    /// <summary>The server answered 404 Not Found or 410 Gone.</summary>
    NotFound,

    /// <summary>The server answered with another non-success status.</summary>
    HttpError,

    /// <summary>The body exceeded <see cref="AudioFetcherOptions.MaxBytes"/>.</summary>
    TooLarge,

    /// <summary>The body is not audio we can decode (only WAV, and raw µ-law as <c>audio/basic</c>).</summary>
    NotAudio,

    /// <summary>The fetch took longer than <see cref="AudioFetcherOptions.Timeout"/>.</summary>
    Timeout,

    /// <summary>No connection: DNS, refused, reset, TLS.</summary>
    Unreachable,

    /// <summary>
    /// The URL leads to a loopback, private, link-local or otherwise non-public address, which the server's
    /// <see cref="Switchboard.Foundation.Net.PublicAddressFilter"/> does not allow.
    /// </summary>
    RefusedAddress,
}
