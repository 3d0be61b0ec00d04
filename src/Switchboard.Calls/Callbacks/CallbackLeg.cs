namespace Switchboard.Calls.Callbacks;

/// <summary>One of the two parties a callback session connects, as the request names them (<c>leg_A</c>, <c>leg_B</c>).</summary>
public enum CallbackLeg
{
    A,
    B,
}
