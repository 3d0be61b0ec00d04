using Switchboard.Media.Dtmf;

namespace Switchboard.Calls.Engine.Messages;

internal sealed record DigitArrived(DtmfDigit Digit) : CallMessage;
