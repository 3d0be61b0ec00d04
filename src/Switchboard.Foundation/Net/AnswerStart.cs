namespace Switchboard.Foundation.Net;

/// <summary>What the first bytes read after a request say (<see cref="AnswerHead.Read"/>).</summary>
internal enum AnswerStart
{
    /// <summary>No status line: TLS records, or too few bytes to tell.</summary>
    None,

    /// <summary>An answer on a connection that may carry another request.</summary>
    Answer,

    /// <summary>An answer after which the server closes the connection.</summary>
    EndsConnection,
}
