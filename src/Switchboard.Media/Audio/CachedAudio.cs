using System.Net.Http.Headers;

namespace Switchboard.Media.Audio;

/// <summary>A decoded clip in <see cref="AudioCache"/>, with what is needed to revalidate it (RFC 9111 §4.3.1).</summary>
internal sealed record CachedAudio(AudioClip Clip, EntityTagHeaderValue? ETag, DateTimeOffset? LastModified, DateTimeOffset ExpiresAt)
{
    /// <summary>The bytes the clip holds in memory.</summary>
    public long Size => Clip.Samples.Length * (long)sizeof(short);

    public bool CanRevalidate => ETag is not null || LastModified is not null;
}
