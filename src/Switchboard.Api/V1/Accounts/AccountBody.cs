namespace Switchboard.Api.V1.Accounts;

/// <summary>What <c>POST</c>/<c>PUT /v1/Accounts</c> accept (the shape the API description shows).</summary>
/// <param name="Name">Unique across the server, 1–64 characters.</param>
public sealed record AccountBody(string Name);
