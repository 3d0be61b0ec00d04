using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Api.Problems;
using Switchboard.Api.V1.Common;
using Switchboard.Api.V1.Scoping;
using Switchboard.Storage;
using Switchboard.Storage.Paging;
using Switchboard.Storage.Recordings;

namespace Switchboard.Api.V1.Recordings;

/// <summary>
/// <c>.../Recordings</c>: what <c>record</c> verbs and <c>record_all_calls</c> stored. Read, download (with
/// range requests) and delete; recordings are made by calls, never by a POST. <c>?call_sid=</c> lists one call's.
/// </summary>
public sealed class RecordingResource() : AccountResource<RecordingRecord, RecordingResponse>("Recordings", "recording_sid", "recording")
{
    protected override JsonTypeInfo<RecordingResponse> ItemJson => V1JsonContext.Default.RecordingResponse;

    protected override JsonTypeInfo<RecordingResponse[]> PageJson => V1JsonContext.Default.RecordingResponseArray;

    protected override void MapMore(RouteGroupBuilder group, string one) => RecordingMedia.Map(group, one);

    protected override RecordingResponse Respond(HttpContext context, RecordingRecord record) => RecordingResponse.From(
        record, RecordingUrls.MediaUrl(RecordingUrls.CollectionUrl(context.Request, context.TargetAccount().Sid), record.Sid));

    protected override Task<IResult> ListAsync(HttpContext context, CancellationToken cancellationToken) =>
        CallSid(context) is { Length: 0 } ? throw new ValidationException("call_sid", "must not be empty") : base.ListAsync(context, cancellationToken);

    protected override Task<RecordingRecord?> FindAsync(HttpContext context, string accountSid, string sid, CancellationToken cancellationToken) =>
        Store(context).FindAsync(accountSid, sid, cancellationToken);

    protected override Task<Page<RecordingRecord>> PageAsync(HttpContext context, string accountSid, PageRequest page, CancellationToken cancellationToken) =>
        Store(context).ListAsync(accountSid, CallSid(context), page, cancellationToken);

    /// <summary>Removes the row, then the file: a file whose row is gone can no longer be reached either way.</summary>
    protected override async Task<WriteOutcome> RemoveAsync(HttpContext context, string accountSid, string sid, CancellationToken cancellationToken)
    {
        var outcome = await Store(context).DeleteAsync(accountSid, sid, cancellationToken).ConfigureAwait(false);
        if (outcome == WriteOutcome.Done)
        {
            context.RequestServices.GetRequiredService<RecordingFiles>().Delete(sid);
        }

        return outcome;
    }

    private static IRecordingStore Store(HttpContext context) => context.RequestServices.GetRequiredService<IRecordingStore>();

    private static string? CallSid(HttpContext context) => context.Request.Query["call_sid"].FirstOrDefault();
}
