using System.Diagnostics.CodeAnalysis;

namespace Switchboard.Media.Sdp;

/// <summary>The outcome of applying a remote description: the negotiated media, or a typed reason it is unusable.</summary>
public sealed class SdpAnswerResult
{
    private SdpAnswerResult(NegotiatedMedia? media, SdpFailure? failure, string? reason)
    {
        Media = media;
        Failure = failure;
        Reason = reason;
    }

    [MemberNotNullWhen(true, nameof(Media))]
    [MemberNotNullWhen(false, nameof(Failure), nameof(Reason))]
    public bool IsSuccess => Media is not null;

    public NegotiatedMedia? Media { get; }

    public SdpFailure? Failure { get; }

    /// <summary>Human-readable detail, e.g. for a SIP 488 reason phrase or a log line.</summary>
    public string? Reason { get; }

    public static SdpAnswerResult Success(NegotiatedMedia media) => new(media, null, null);

    public static SdpAnswerResult Fail(SdpFailure failure, string reason) => new(null, failure, reason);

    public override string ToString() => IsSuccess ? $"ok {Media}" : $"{Failure}: {Reason}";
}
