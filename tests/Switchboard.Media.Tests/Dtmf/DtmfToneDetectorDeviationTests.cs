using Switchboard.Media.Tests.Support;

namespace Switchboard.Media.Tests.Dtmf;

/// <summary>ITU-T Q.24 §3 frequency tolerance: operate within ±(1.5 % + 2 Hz), never at ±3.5 % or more.</summary>
public sealed class DtmfToneDetectorDeviationTests
{
    private static readonly double[] s_rows = [697, 770, 852, 941];
    private static readonly double[] s_columns = [1209, 1336, 1477, 1633];

    public static TheoryData<double> Accepted() => [-0.015, -0.01, 0, 0.01, 0.015];

    public static TheoryData<double> Rejected() => [-0.05, -0.035, 0.035, 0.05];

    [Theory]
    [MemberData(nameof(Accepted))]
    public void KeysWithinTolerance_AreDetected(double deviation)
    {
        var keys = new string([.. DtmfToneDetectorTimingTests.Detect(AllKeys(deviation, deviation)).Select(d => d.Key)]);

        Assert.Equal(DtmfSignal.Keys, keys);
    }

    [Theory]
    [MemberData(nameof(Rejected))]
    public void KeysOutsideTolerance_AreNot_InEitherGroup(double deviation)
    {
        Assert.Empty(DtmfToneDetectorTimingTests.Detect(AllKeys(deviation, 0)));
        Assert.Empty(DtmfToneDetectorTimingTests.Detect(AllKeys(0, deviation)));
    }

    private static short[] AllKeys(double rowDeviation, double columnDeviation)
    {
        var parts = new List<short[]>();
        for (var i = 0; i < 16; i++)
        {
            // Q.24's limits are a percentage plus 2 Hz: the accepted cases sit at the very edge.
            var low = (s_rows[i / 4] * (1 + rowDeviation)) + (2 * Math.Sign(rowDeviation));
            var high = (s_columns[i % 4] * (1 + columnDeviation)) + (2 * Math.Sign(columnDeviation));

            parts.Add(DtmfSignal.Sines(80, (low, DtmfSignal.Amplitude(-10), 0), (high, DtmfSignal.Amplitude(-10), 0.4)));
            parts.Add(DtmfSignal.Silence(60));
        }

        return DtmfSignal.Concat([.. parts]);
    }
}
