namespace Switchboard.Calls.Callbacks;

/// <summary>The wire names of <see cref="CallbackLeg"/> (seed 000: <c>leg_A</c>, <c>leg_B</c>).</summary>
public static class CallbackLegNames
{
    public const string LegA = "leg_A";
    public const string LegB = "leg_B";

    public static string ToWire(this CallbackLeg leg) => leg == CallbackLeg.A ? LegA : LegB;

    public static CallbackLeg Other(this CallbackLeg leg) => leg == CallbackLeg.A ? CallbackLeg.B : CallbackLeg.A;
}
