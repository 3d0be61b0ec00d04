using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Api.Problems;
using Switchboard.Api.V1.Scoping;
using Switchboard.Storage;
using Switchboard.Storage.Accounts;
using Switchboard.Storage.Paging;

namespace Switchboard.Api.V1.Common;

/// <summary>
/// An account resource that is also written: <c>POST</c> reads the body onto a blank row and creates it (201 with
/// its sid and a <c>Location</c>), <c>PUT</c> reads the body onto the stored row (204); a write the store refuses
/// (a taken unique field) is a 409.
/// </summary>
/// <typeparam name="TRecord">The stored row.</typeparam>
/// <typeparam name="TBody">The request body, as the API description shows it.</typeparam>
/// <typeparam name="TResponse">The row as the API shows it.</typeparam>
public abstract class EditableAccountResource<TRecord, TBody, TResponse>(string collection, string sidParameter, string name)
    : AccountResource<TRecord, TResponse>(collection, sidParameter, name)
    where TRecord : class
    where TBody : notnull
{
    /// <summary>The 409 of a write the store refused: the field that must be unique, if any, and why.</summary>
    protected virtual (string? Field, string Detail) WriteConflict => (null, $"the {Name} changed meanwhile");

    protected sealed override void MapCreate(RouteGroupBuilder group) =>
        group.MapPost(string.Empty, CreateAsync).Accepts<TBody>("application/json").Produces<CreatedResponse>(StatusCodes.Status201Created)
            .WithSummary($"Create {Article} {Name}");

    protected sealed override void MapMore(RouteGroupBuilder group, string one) =>
        group.MapPut(one, ChangeAsync).Accepts<TBody>("application/json").Produces(StatusCodes.Status204NoContent)
            .WithSummary($"Change {Article} {Name}");

    /// <summary>A row with nothing read onto it yet, with a new sid.</summary>
    protected abstract TRecord Blank(string accountSid, DateTimeOffset createdAt);

    protected abstract string SidOf(TRecord record);

    /// <summary>Reads <paramref name="body"/> onto <paramref name="current"/> (a blank row when creating).</summary>
    /// <exception cref="ValidationException">A field is missing or invalid.</exception>
    protected abstract Task<TRecord> ReadAsync(HttpContext context, JsonElement body, TRecord current, bool creating, CancellationToken cancellationToken);

    /// <summary>The resource's store, for the request.</summary>
    protected abstract ResourceStore<TRecord> StoreOf(HttpContext context);

    protected sealed override Task<TRecord?> FindAsync(HttpContext context, string accountSid, string sid, CancellationToken cancellationToken) =>
        StoreOf(context).Find(accountSid, sid, cancellationToken);

    protected sealed override Task<Page<TRecord>> PageAsync(HttpContext context, string accountSid, PageRequest page, CancellationToken cancellationToken) =>
        StoreOf(context).List(accountSid, page, cancellationToken);

    protected sealed override Task<WriteOutcome> RemoveAsync(HttpContext context, string accountSid, string sid, CancellationToken cancellationToken) =>
        StoreOf(context).Delete(accountSid, sid, cancellationToken);

    private async Task<IResult> CreateAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadObjectAsync(context).ConfigureAwait(false);
        var accountSid = await context.AccountForCreateAsync(body, context.RequestServices.GetRequiredService<IAccountStore>()).ConfigureAwait(false);
        var blank = Blank(accountSid, context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());
        var record = await ReadAsync(context, body, blank, creating: true, cancellationToken).ConfigureAwait(false);
        if (await StoreOf(context).Create(record, cancellationToken).ConfigureAwait(false) != WriteOutcome.Done)
        {
            return ApiProblem.Conflict(WriteConflict.Field, WriteConflict.Detail);
        }

        Written(context);
        return WriteResults.Created(context, SidOf(record));
    }

    private async Task<IResult> ChangeAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var current = await FindAsync(context, context.TargetAccount().Sid, Sid(context), cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return WriteResults.NotFound(Name);
        }

        var body = await RequestBody.ReadObjectAsync(context).ConfigureAwait(false);
        var changed = await ReadAsync(context, body, current, creating: false, cancellationToken).ConfigureAwait(false);
        return NoContent(context, await StoreOf(context).Update(changed, cancellationToken).ConfigureAwait(false), WriteConflict.Field, WriteConflict.Detail);
    }
}
