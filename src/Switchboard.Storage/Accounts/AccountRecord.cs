namespace Switchboard.Storage.Accounts;

/// <summary>A tenant: every API key, application and call belongs to exactly one account.</summary>
public sealed record AccountRecord(string Sid, string Name, DateTimeOffset CreatedAt)
{
    /// <summary>The name of the account created at first start; it holds the admin keys.</summary>
    public const string DefaultName = "default";

    /// <summary>Whether this is the account created at first start, which can be neither renamed nor deleted.</summary>
    public bool IsDefault => Name == DefaultName;
}
