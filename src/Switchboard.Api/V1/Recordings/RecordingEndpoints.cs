using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Switchboard.Api.Problems;
using Switchboard.Api.V1.Common;
using Switchboard.Api.V1.Scoping;
using Switchboard.Storage;
using Switchboard.Storage.Recordings;

namespace Switchboard.Api.V1.Recordings;

/// <summary>
/// <c>.../Recordings</c>: what <c>record</c> verbs and <c>record_all_calls</c> stored. Read, download (with
/// range requests) and delete; recordings are made by calls, never by a POST.
/// </summary>
public static class RecordingEndpoints
{
    private const string Resource = "recording";

    public static IEndpointRouteBuilder MapRecordings(this IEndpointRouteBuilder scope)
    {
        var recordings = scope.MapGroup("/Recordings").WithTags("Recordings");
        recordings.MapGet("", ListAsync).Produces<RecordingResponse[]>();
        recordings.MapGet("/{recording_sid}", GetAsync).Produces<RecordingResponse>();
        recordings.MapGet("/{recording_sid}/media", GetMediaAsync)
            .Produces<Stream>(StatusCodes.Status200OK, "audio/wav")
            .Produces<Stream>(StatusCodes.Status206PartialContent, "audio/wav");
        recordings.MapDelete("/{recording_sid}", DeleteAsync).Produces(StatusCodes.Status204NoContent);
        return scope;
    }

    /// <summary>The account's recordings; <c>?call_sid=</c> keeps one call's.</summary>
    private static async Task<IResult> ListAsync(HttpContext context, IRecordingStore recordings)
    {
        var accountSid = context.TargetAccount().Sid;
        var callSid = context.Request.Query["call_sid"].FirstOrDefault();
        if (callSid is { Length: 0 })
        {
            throw new ValidationException("call_sid", "must not be empty");
        }

        var page = await recordings.ListAsync(accountSid, callSid, PageQuery.Read(context.Request), context.RequestAborted).ConfigureAwait(false);
        var collection = RecordingUrls.CollectionUrl(context.Request, accountSid);
        return PagedResults.Json(context, page, r => RecordingResponse.From(r, RecordingUrls.MediaUrl(collection, r.Sid)), V1JsonContext.Default.RecordingResponseArray);
    }

    private static async Task<IResult> GetAsync(HttpContext context, string recording_sid, IRecordingStore recordings)
    {
        var accountSid = context.TargetAccount().Sid;
        var recording = await recordings.FindAsync(accountSid, recording_sid, context.RequestAborted).ConfigureAwait(false);
        return recording is null
            ? WriteResults.NotFound(Resource)
            : Results.Json(
                RecordingResponse.From(recording, RecordingUrls.MediaUrl(RecordingUrls.CollectionUrl(context.Request, accountSid), recording.Sid)),
                V1JsonContext.Default.RecordingResponse);
    }

    /// <summary>The WAV itself; <c>Range</c> requests are answered with 206 so players can seek.</summary>
    private static async Task<IResult> GetMediaAsync(HttpContext context, string recording_sid, IRecordingStore recordings, RecordingFiles files)
    {
        var recording = await recordings.FindAsync(context.TargetAccount().Sid, recording_sid, context.RequestAborted).ConfigureAwait(false);
        if (recording is null)
        {
            return WriteResults.NotFound(Resource);
        }

        var path = files.PathOf(recording.Sid);
        return File.Exists(path)
            ? Results.File(path, "audio/wav", enableRangeProcessing: true)
            : ApiProblem.NotFound("the recording's audio file is missing");
    }

    /// <summary>Removes the row, then the file: a file whose row is gone can no longer be reached either way.</summary>
    private static async Task<IResult> DeleteAsync(HttpContext context, string recording_sid, IRecordingStore recordings, RecordingFiles files)
    {
        var outcome = await recordings.DeleteAsync(context.TargetAccount().Sid, recording_sid, context.RequestAborted).ConfigureAwait(false);
        if (outcome == WriteOutcome.Done)
        {
            files.Delete(recording_sid);
        }

        return WriteResults.NoContent(outcome, Resource, null, "the recording could not be deleted");
    }
}
