using Switchboard.Storage.Paging;

namespace Switchboard.Storage.SpeechCredentials;

/// <summary>The speech engine credentials of each account.</summary>
public interface ISpeechCredentialStore
{
    /// <summary>The credential by sid, if it exists and belongs to the account.</summary>
    Task<SpeechCredentialRecord?> FindAsync(string accountSid, string credentialSid, CancellationToken cancellationToken);

    /// <summary>
    /// The credential a call's recognizer uses: among the account's credentials of <paramref name="vendor"/> that
    /// are for speech recognition (<see cref="SpeechCredentialRecord.UseForStt"/>), the one with
    /// <paramref name="label"/>; with a null label, the one without a label, else the first made. Null when none fits.
    /// </summary>
    Task<SpeechCredentialRecord?> FindAsync(string accountSid, string vendor, string? label, CancellationToken cancellationToken);

    /// <summary>Adds the credential; <see cref="WriteOutcome.Duplicate"/> when the account has one of that vendor and label already.</summary>
    Task<WriteOutcome> CreateAsync(SpeechCredentialRecord credential, CancellationToken cancellationToken);

    /// <summary>Writes every field but the sid, account and creation time; <see cref="WriteOutcome.Duplicate"/> as for create.</summary>
    Task<WriteOutcome> UpdateAsync(SpeechCredentialRecord credential, CancellationToken cancellationToken);

    Task<WriteOutcome> DeleteAsync(string accountSid, string credentialSid, CancellationToken cancellationToken);

    /// <summary>The account's credentials in creation order.</summary>
    Task<Page<SpeechCredentialRecord>> ListAsync(string accountSid, PageRequest page, CancellationToken cancellationToken);
}
