namespace Switchboard.Server.Tests.Logging;

/// <summary>One <c>[LoggerMessage]</c> method found in a source assembly: its event id and where it is declared.</summary>
sealed record LogMessageDeclaration(int EventId, string Namespace, string Method)
{
    public override string ToString() => Method;
}
