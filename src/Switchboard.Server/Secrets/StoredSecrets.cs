using Microsoft.AspNetCore.DataProtection;

namespace Switchboard.Server.Secrets;

/// <summary>
/// Encrypts the secrets the database keeps in a form we must read back (webhook signing secrets, carrier digest
/// passwords) with ASP.NET Core Data Protection, whose keys live apart from the database (<c>keys/</c> in the data
/// directory): a copied database file alone gives none of them away. A protected value carries <see cref="Prefix"/>; a
/// value without it is one written before protection existed, read as it is until the start-up migration rewrites it.
/// </summary>
internal sealed class StoredSecrets(IDataProtectionProvider provider)
{
    /// <summary>Marks a protected value (version 1 of the format).</summary>
    public const string Prefix = "dp1:";

    private readonly IDataProtector _protector = provider.CreateProtector("Switchboard.StoredSecrets.v1");

    public static bool IsProtected(string? stored) => stored is not null && stored.StartsWith(Prefix, StringComparison.Ordinal);

    public string Protect(string secret) => Prefix + _protector.Protect(secret);

    /// <exception cref="System.Security.Cryptography.CryptographicException">The value was protected with keys this server does not have.</exception>
    public string Unprotect(string stored) => IsProtected(stored) ? _protector.Unprotect(stored[Prefix.Length..]) : stored;

    public string? ProtectOrNull(string? secret) => secret is null || IsProtected(secret) ? secret : Protect(secret);

    public string? UnprotectOrNull(string? stored) => stored is null ? null : Unprotect(stored);
}
