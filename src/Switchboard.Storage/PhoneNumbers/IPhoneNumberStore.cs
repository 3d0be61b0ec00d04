using Switchboard.Storage.Paging;

namespace Switchboard.Storage.PhoneNumbers;

/// <summary>Phone numbers and the applications or callback URLs they route to.</summary>
public interface IPhoneNumberStore
{
    /// <summary>
    /// The number an inbound INVITE names, in any account. <paramref name="number"/> is compared without a
    /// leading <c>+</c>, so <c>+306971234567</c> and <c>306971234567</c> are one number.
    /// </summary>
    Task<PhoneNumberRecord?> FindByNumberAsync(string number, CancellationToken cancellationToken);

    /// <summary>The number by sid, if it exists and belongs to the account.</summary>
    Task<PhoneNumberRecord?> FindAsync(string accountSid, string phoneNumberSid, CancellationToken cancellationToken);

    /// <summary>Adds the number; <see cref="WriteOutcome.Duplicate"/> when any account already has it (leading <c>+</c> ignored).</summary>
    Task<WriteOutcome> CreateAsync(PhoneNumberRecord phoneNumber, CancellationToken cancellationToken);

    /// <summary>Writes the number, application, callback URL and carrier; <see cref="WriteOutcome.Duplicate"/> as for create.</summary>
    Task<WriteOutcome> UpdateAsync(PhoneNumberRecord phoneNumber, CancellationToken cancellationToken);

    Task<WriteOutcome> DeleteAsync(string accountSid, string phoneNumberSid, CancellationToken cancellationToken);

    /// <summary>The account's numbers in creation order.</summary>
    Task<Page<PhoneNumberRecord>> ListAsync(string accountSid, PageRequest page, CancellationToken cancellationToken);
}
