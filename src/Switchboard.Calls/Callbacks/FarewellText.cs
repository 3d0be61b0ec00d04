using Switchboard.Calls.Engine;

namespace Switchboard.Calls.Callbacks;

/// <summary>What a waiting leg hears when the other party cannot be connected, before it is hung up.</summary>
internal static class FarewellText
{
    public static string For(CallStatus otherLegStatus) => otherLegStatus switch
    {
        CallStatus.Busy => "The person you are calling is busy. Please try again later. Goodbye.",
        CallStatus.NoAnswer or CallStatus.Canceled => "The person you are calling did not answer. Please try again later. Goodbye.",
        _ => "The call could not be connected. Please try again later. Goodbye.",
    };
}
