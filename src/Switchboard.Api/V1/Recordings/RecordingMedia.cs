using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Switchboard.Api.Problems;
using Switchboard.Api.V1.Common;
using Switchboard.Api.V1.Scoping;
using Switchboard.Storage.Recordings;

namespace Switchboard.Api.V1.Recordings;

/// <summary><c>.../Recordings/{recording_sid}/media</c>: the WAV itself; <c>Range</c> requests are answered with 206 so players can seek.</summary>
public static class RecordingMedia
{
    /// <param name="recordings">The Recordings group.</param>
    /// <param name="one">The route of one recording, relative to the group.</param>
    public static void Map(RouteGroupBuilder recordings, string one) =>
        recordings.MapGet(one + "/media", GetAsync)
            .Produces<Stream>(StatusCodes.Status200OK, "audio/wav")
            .Produces<Stream>(StatusCodes.Status206PartialContent, "audio/wav")
            .WithSummary("A recording's audio as WAV; a Range request gets the part asked for");

    private static async Task<IResult> GetAsync(HttpContext context, string recording_sid, IRecordingStore recordings, RecordingFiles files)
    {
        var recording = await recordings.FindAsync(context.TargetAccount().Sid, recording_sid, context.RequestAborted).ConfigureAwait(false);
        if (recording is null)
        {
            return WriteResults.NotFound("recording");
        }

        var path = files.PathOf(recording.Sid);
        return File.Exists(path)
            ? Results.File(path, "audio/wav", enableRangeProcessing: true)
            : ApiProblem.NotFound("the recording's audio file is missing");
    }
}
