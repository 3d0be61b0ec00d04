namespace Switchboard.Calls.Engine;

/// <summary>Places the legs of a <c>dial</c>: the engine, which keeps them live like any other call.</summary>
internal interface IDialLegPlacer
{
    /// <summary>Stores and starts the leg; its answer and end go to <paramref name="observer"/>.</summary>
    /// <exception cref="NoRouteException">No carrier reaches the target.</exception>
    /// <exception cref="CallNotPlacedException">No media port was free or the target URI is unusable.</exception>
    Task<IDialLeg> PlaceLegAsync(CallRequest request, IDialLegObserver observer, CancellationToken cancellationToken);
}
