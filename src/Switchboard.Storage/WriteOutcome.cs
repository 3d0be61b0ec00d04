namespace Switchboard.Storage;

/// <summary>What a create, update or delete did; the API layer turns each into a status code.</summary>
public enum WriteOutcome
{
    /// <summary>The write happened.</summary>
    Done,

    /// <summary>Nothing with that sid exists in the account.</summary>
    NotFound,

    /// <summary>A value that must be unique (a number, a name, a username) is already taken.</summary>
    Duplicate,

    /// <summary>Something else still refers to the row (a phone number to its application or carrier).</summary>
    InUse,
}
