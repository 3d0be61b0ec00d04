namespace Switchboard.Storage.PhoneNumbers;

/// <summary>Phone numbers and the applications they route to.</summary>
public interface IPhoneNumberStore
{
    /// <summary>
    /// The number an inbound INVITE names, in any account. <paramref name="number"/> is compared without a
    /// leading <c>+</c>, so <c>+306971234567</c> and <c>306971234567</c> are one number.
    /// </summary>
    Task<PhoneNumberRecord?> FindByNumberAsync(string number, CancellationToken cancellationToken);
}
