namespace Switchboard.Api.V1.Common;

/// <summary>The body of every 201: the new resource's sid, as jambonz answers.</summary>
public sealed record CreatedResponse(string Sid);
