using Switchboard.Api.Conversation;
using Switchboard.Calls.Callbacks;
using Switchboard.Calls.Engine;

namespace Switchboard.Api.Callback;

/// <summary>
/// A leg's status on the wire: the Conversation API's names (the same seed family), and <c>NotCalled</c> for a
/// leg the session never placed (the second leg of a sequential session whose first leg failed).
/// </summary>
public static class CallbackLegStatusNames
{
    public const string NotCalled = "NotCalled";

    public static string Of(CallbackLegState leg) => leg.Called ? leg.Status.ToConversation() : NotCalled;

    /// <summary>A stored leg's status name; a stored name that is no status reads as failed.</summary>
    public static string OfStored(string? wireStatus) =>
        wireStatus is null ? NotCalled : (CallStatusNames.FromWire(wireStatus) ?? CallStatus.Failed).ToConversation();
}
