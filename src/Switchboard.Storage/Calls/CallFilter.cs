namespace Switchboard.Storage.Calls;

/// <summary>Which calls a listing returns; null members match everything. <see cref="Statuses"/> matches any of them.</summary>
public sealed record CallFilter(IReadOnlyList<string>? Statuses, string? Direction, string? From, string? To)
{
    public static CallFilter All { get; } = new(null, null, null, null);
}
