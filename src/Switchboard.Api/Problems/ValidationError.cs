namespace Switchboard.Api.Problems;

/// <summary>Why a request was refused: the JSON path of the field (<c>dialPlan.verbs[2].duration</c>) and what is wrong.</summary>
public sealed record ValidationError(string Field, string Message);
