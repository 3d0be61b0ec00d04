namespace Switchboard.Storage.PhoneNumbers;

/// <summary>The form numbers are compared in: <c>+306971234567</c> and <c>306971234567</c> are one number.</summary>
public static class PhoneNumberKey
{
    public static string Of(string number) => number.StartsWith('+') ? number[1..] : number;
}
