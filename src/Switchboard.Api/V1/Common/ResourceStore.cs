using Switchboard.Storage;
using Switchboard.Storage.Paging;

namespace Switchboard.Api.V1.Common;

/// <summary>
/// The five operations every /v1 resource's store has, whatever its row, for
/// <see cref="EditableAccountResource{TRecord, TBody, TResponse}"/>; a store's own methods fit them as they are.
/// </summary>
public sealed record ResourceStore<TRecord>(
    Func<string, string, CancellationToken, Task<TRecord?>> Find,
    Func<string, PageRequest, CancellationToken, Task<Page<TRecord>>> List,
    Func<TRecord, CancellationToken, Task<WriteOutcome>> Create,
    Func<TRecord, CancellationToken, Task<WriteOutcome>> Update,
    Func<string, string, CancellationToken, Task<WriteOutcome>> Delete)
    where TRecord : class;
