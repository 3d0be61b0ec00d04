using System.Net;

namespace Switchboard.Client;

/// <summary>
/// An answer that was not a success, read from its RFC 9457 problem: <see cref="Field"/> names the request field at
/// fault (<c>to.number</c>, <c>dialPlan.verbs[2].fileUrl</c>) when one was.
/// </summary>
public sealed class SwitchboardApiException : Exception
{
    public SwitchboardApiException(HttpStatusCode status, string? title, string? detail, string? field)
        : base($"{(int)status} {title ?? status.ToString()}{(detail is null ? string.Empty : ": " + detail)}")
    {
        Status = status;
        Title = title;
        Detail = detail;
        Field = field;
    }

    public SwitchboardApiException()
        : this(HttpStatusCode.InternalServerError, null, null, null)
    {
    }

    public SwitchboardApiException(string message)
        : base(message)
    {
    }

    public SwitchboardApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HttpStatusCode Status { get; }

    /// <summary>The kind of problem, in words.</summary>
    public string? Title { get; }

    /// <summary>What was wrong with this request.</summary>
    public string? Detail { get; }

    /// <summary>The request field at fault, or null when the problem is not one field's.</summary>
    public string? Field { get; }
}
