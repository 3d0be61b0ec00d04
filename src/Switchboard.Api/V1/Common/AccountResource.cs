using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Switchboard.Api.OpenApi;
using Switchboard.Api.V1.Scoping;
using Switchboard.Storage;
using Switchboard.Storage.Paging;

namespace Switchboard.Api.V1.Common;

/// <summary>
/// A /v1 account resource as jambonz serves them all: <c>GET</c> lists a page of the account's or reads one,
/// <c>DELETE</c> removes one (204); one that is not there is a 404 naming the resource, a delete the store refuses
/// (a row still in use) a 409. <see cref="EditableAccountResource{TRecord, TBody, TResponse}"/> adds the writes.
/// A resource supplies its store and response, and overrides a step only where it really differs.
/// </summary>
/// <typeparam name="TRecord">The stored row.</typeparam>
/// <typeparam name="TResponse">The row as the API shows it.</typeparam>
/// <param name="collection">The path segment and tag (<c>Clients</c>).</param>
/// <param name="sidParameter">The route parameter naming one (<c>client_sid</c>).</param>
/// <param name="name">What a 404 calls one (<c>no such client</c>).</param>
public abstract class AccountResource<TRecord, TResponse>(string collection, string sidParameter, string name)
    where TRecord : class
{
    protected string Name { get; } = name;

    /// <summary>"a" or "an", as <see cref="Name"/> reads (an API key, a client).</summary>
    protected string Article => "aeiouAEIOU".Contains(Name[0], StringComparison.Ordinal) ? "an" : "a";

    /// <summary>The 409 detail of a delete the store refused.</summary>
    protected virtual string DeleteConflict => $"the {Name} could not be deleted";

    protected abstract JsonTypeInfo<TResponse> ItemJson { get; }

    protected abstract JsonTypeInfo<TResponse[]> PageJson { get; }

    /// <summary>Maps the resource under <paramref name="scope"/> (an account scope, see <see cref="V1Endpoints"/>).</summary>
    public RouteGroupBuilder Map(IEndpointRouteBuilder scope)
    {
        var group = scope.MapGroup("/" + collection).WithTags(collection);
        var one = "/{" + sidParameter + "}";
        MapCreate(group);
        group.MapGet(string.Empty, ListAsync).Produces<TResponse[]>()
            .WithSummary($"List the account's {Name}s").AddOpenApiOperationTransformer(PageParameters.DescribeAsync);
        group.MapGet(one, GetAsync).Produces<TResponse>().WithSummary($"One {Name}");
        MapMore(group, one);
        group.MapDelete(one, DeleteAsync).Produces(StatusCodes.Status204NoContent).WithSummary($"Delete {Article} {Name}");
        return group;
    }

    /// <summary>The resource's <c>POST</c>, if it has one.</summary>
    protected virtual void MapCreate(RouteGroupBuilder group)
    {
    }

    /// <summary>The resource's other routes on one (a <c>PUT</c>, a download).</summary>
    /// <param name="group">The collection's group.</param>
    /// <param name="one">The route of one, relative to the group.</param>
    protected virtual void MapMore(RouteGroupBuilder group, string one)
    {
    }

    /// <summary>One row of the account, or null.</summary>
    protected abstract Task<TRecord?> FindAsync(HttpContext context, string accountSid, string sid, CancellationToken cancellationToken);

    protected abstract Task<Page<TRecord>> PageAsync(HttpContext context, string accountSid, PageRequest page, CancellationToken cancellationToken);

    protected abstract Task<WriteOutcome> RemoveAsync(HttpContext context, string accountSid, string sid, CancellationToken cancellationToken);

    protected abstract TResponse Respond(HttpContext context, TRecord record);

    /// <summary>What else a write that went through changes (the carriers a registration service keeps).</summary>
    protected virtual void Written(HttpContext context)
    {
    }

    /// <summary>The sid in the route.</summary>
    protected string Sid(HttpContext context) => (string)context.Request.RouteValues[sidParameter]!;

    protected virtual async Task<IResult> ListAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var page = await PageAsync(context, context.TargetAccount().Sid, PageQuery.Read(context.Request), cancellationToken).ConfigureAwait(false);
        return PagedResults.Json(context, page, record => Respond(context, record), PageJson);
    }

    /// <summary>204 for a write that went through (after <see cref="Written"/>), else the store's 404 or 409.</summary>
    protected IResult NoContent(HttpContext context, WriteOutcome outcome, string? conflictField, string conflict)
    {
        if (outcome == WriteOutcome.Done)
        {
            Written(context);
        }

        return WriteResults.NoContent(outcome, Name, conflictField, conflict);
    }

    private async Task<IResult> GetAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var record = await FindAsync(context, context.TargetAccount().Sid, Sid(context), cancellationToken).ConfigureAwait(false);
        return record is null ? WriteResults.NotFound(Name) : Results.Json(Respond(context, record), ItemJson);
    }

    private async Task<IResult> DeleteAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var outcome = await RemoveAsync(context, context.TargetAccount().Sid, Sid(context), cancellationToken).ConfigureAwait(false);
        return NoContent(context, outcome, null, DeleteConflict);
    }
}
