namespace Switchboard.Sip.Messages;

/// <summary>The reason phrases RFC 3261 §21 gives the status codes, for responses whose sender named none.</summary>
public static class SipReasonPhrases
{
    public static string For(int statusCode) => statusCode switch
    {
        100 => "Trying",
        180 => "Ringing",
        183 => "Session Progress",
        200 => "OK",
        202 => "Accepted",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        408 => "Request Timeout",
        410 => "Gone",
        480 => "Temporarily Unavailable",
        481 => "Call/Transaction Does Not Exist",
        484 => "Address Incomplete",
        486 => "Busy Here",
        487 => "Request Terminated",
        488 => "Not Acceptable Here",
        500 => "Server Internal Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        600 => "Busy Everywhere",
        603 => "Decline",
        604 => "Does Not Exist Anywhere",
        606 => "Not Acceptable",
        // §21: an unrecognised code is understood as the x00 of its class; so is its phrase.
        >= 300 and < 400 => "Redirection",
        >= 400 and < 500 => "Request Failure",
        >= 500 and < 600 => "Server Failure",
        >= 600 and < 700 => "Global Failure",
        _ => "Unknown",
    };
}
