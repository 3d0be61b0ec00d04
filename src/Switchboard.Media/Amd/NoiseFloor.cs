namespace Switchboard.Media.Amd;

/// <summary>
/// The line's background level in dBFS, tracked as the quietest recent frame level (minimum statistics):
/// it falls quickly to a quieter frame and rises slowly, so steady noise becomes the floor within seconds
/// while the pauses in speech keep pulling it back down.
/// </summary>
internal sealed class NoiseFloor
{
    /// <summary>2.5 dB a second: 1.5 s of greeting barely moves it; noise 15 dB up is absorbed in 6 s.</summary>
    private const double RiseDbPerFrame = 0.05;

    /// <summary>Half the way down per quieter frame: fast, without one dropped packet slamming it to the bottom.</summary>
    private const double FallFraction = 0.5;

    /// <summary>Digital silence would drive a logarithmic floor to minus infinity.</summary>
    private const double LowestDbfs = -90;

    public NoiseFloor(double initialDbfs) => Level = initialDbfs;

    public double Level { get; private set; }

    public void Update(double frameDbfs)
    {
        Level = frameDbfs < Level
            ? Math.Max(LowestDbfs, Level + ((frameDbfs - Level) * FallFraction))
            : Level + Math.Min(frameDbfs - Level, RiseDbPerFrame);
    }
}
