using System.Globalization;
using Switchboard.Calls.Engine;
using Switchboard.Storage.Calls;
using Switchboard.Storage.Recordings;
using Switchboard.Storage.Webhooks;

namespace Switchboard.Api.Timeline;

/// <summary>Stored records as timeline entries.</summary>
internal static class TimelineEvents
{
    private const string StatusPrefix = "status:";

    public static TimelineEvent Of(CallEventRecord stored)
    {
        if (stored.Name.StartsWith(StatusPrefix, StringComparison.Ordinal))
        {
            var (code, reason) = SplitStatusDetail(stored.Detail);
            return new TimelineEvent(stored.At, "status") { Status = stored.Name[StatusPrefix.Length..], Code = code, Reason = reason };
        }

        var (subject, text) = SplitSubject(stored.Detail);
        return stored.Name switch
        {
            CallEventNames.VerbStarted => new TimelineEvent(stored.At, "verb") { Name = "started", Verb = stored.Detail },
            CallEventNames.VerbEnded => new TimelineEvent(stored.At, "verb") { Name = "ended", Verb = subject, Result = text },
            CallEventNames.VerbFailed => new TimelineEvent(stored.At, "verb") { Name = "failed", Verb = subject, Reason = text },
            CallEventNames.Amd => new TimelineEvent(stored.At, "amd") { Name = subject, Reason = text },
            _ => new TimelineEvent(stored.At, "event") { Name = stored.Name, Reason = stored.Detail },
        };
    }

    public static TimelineEvent Of(WebhookAttemptRecord attempt) => new(attempt.StartedAt, "webhook")
    {
        Name = attempt.Kind,
        Url = attempt.Url,
        Method = attempt.Method,
        Attempt = attempt.Attempt,
        Code = attempt.StatusCode,
        Error = attempt.Error,
        Latency = attempt.LatencyMs,
        Request = attempt.RequestBody,
        Answer = attempt.AnswerBody,
    };

    public static TimelineEvent Of(RecordingRecord recording) => new(recording.CreatedAt, "recording")
    {
        Recording = recording.Sid,
        Status = recording.Status,
        Reason = recording.Reason,
        Duration = Math.Round(recording.Duration.TotalSeconds, 1),
    };

    /// <summary>A status event's detail is "code reason", either part absent (<see cref="CallProgress"/> writes it).</summary>
    private static (int? Code, string? Reason) SplitStatusDetail(string? detail)
    {
        if (string.IsNullOrEmpty(detail))
        {
            return (null, null);
        }

        var space = detail.IndexOf(' ', StringComparison.Ordinal);
        var first = space < 0 ? detail : detail[..space];
        if (first.Length == 3 && int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return (code, space < 0 ? null : detail[(space + 1)..]);
        }

        return (null, detail);
    }

    /// <summary>Verb and AMD details are "subject: text".</summary>
    private static (string? Subject, string? Text) SplitSubject(string? detail)
    {
        if (detail is null)
        {
            return (null, null);
        }

        var colon = detail.IndexOf(": ", StringComparison.Ordinal);
        return colon < 0 ? (detail, null) : (detail[..colon], detail[(colon + 2)..]);
    }
}
