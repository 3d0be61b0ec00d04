using Switchboard.Storage.Paging;

namespace Switchboard.Storage.Recordings;

/// <summary>Recordings' rows; their audio lives in <see cref="RecordingFiles"/>.</summary>
public interface IRecordingStore
{
    /// <summary>Adds a finished recording; <see cref="WriteOutcome.Duplicate"/> when the sid is taken.</summary>
    Task<WriteOutcome> CreateAsync(RecordingRecord recording, CancellationToken cancellationToken);

    /// <summary>The recording, if it exists and belongs to the account.</summary>
    Task<RecordingRecord?> FindAsync(string accountSid, string recordingSid, CancellationToken cancellationToken);

    /// <summary>The account's recordings in creation order, only <paramref name="callSid"/>'s when given.</summary>
    Task<Page<RecordingRecord>> ListAsync(string accountSid, string? callSid, PageRequest page, CancellationToken cancellationToken);

    Task<WriteOutcome> DeleteAsync(string accountSid, string recordingSid, CancellationToken cancellationToken);
}
