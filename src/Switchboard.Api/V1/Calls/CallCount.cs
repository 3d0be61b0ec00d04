namespace Switchboard.Api.V1.Calls;

/// <summary>jambonz's <c>CallCount</c>: the account's live calls by direction.</summary>
public sealed record CallCount(int Inbound, int Outbound);
