namespace MixpanelSync.Mixpanel;

/// <summary>
/// Limits requests in flight and adapts the limit to rate limiting. A batch that received a 429 halves the limit, at
/// most once per round of requests and never below 1. Every other batch raises it by one up to the maximum.
/// </summary>
internal sealed class AdaptiveConcurrencyLimit
{
    private readonly Lock _gate = new();
    private readonly LinkedList<TaskCompletionSource> _waiters = new();
    private readonly int _max;
    private int _limit;
    private int _inFlight;
    private int _completionsSinceDecrease;

    public AdaptiveConcurrencyLimit(int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        _max = max;
        _limit = max;
        _completionsSinceDecrease = max;
    }

    public int Limit
    {
        get
        {
            lock (_gate)
            {
                return _limit;
            }
        }
    }

    /// <summary>Waits until a request may start, and counts it as in flight.</summary>
    public Task WaitAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource waiter;
        LinkedListNode<TaskCompletionSource> node;
        lock (_gate)
        {
            if (_inFlight < _limit && _waiters.Count == 0)
            {
                _inFlight++;
                return Task.CompletedTask;
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            node = _waiters.AddLast(waiter);
        }

        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(() => Cancel(node, cancellationToken));
            waiter.Task.ContinueWith(_ => registration.Dispose(), TaskScheduler.Default);
        }

        return waiter.Task;
    }

    /// <summary>Ends a request and adapts the limit. Returns the new limit when it was lowered, else null.</summary>
    public int? Release(bool rateLimited)
    {
        lock (_gate)
        {
            _inFlight--;
            _completionsSinceDecrease++;
            int? lowered = null;
            if (rateLimited && _completionsSinceDecrease >= _limit)
            {
                _limit = Math.Max(1, _limit / 2);
                _completionsSinceDecrease = 0;
                lowered = _limit;
            }
            else if (!rateLimited && _limit < _max)
            {
                _limit++;
            }

            while (_inFlight < _limit && _waiters.First is { } first)
            {
                _waiters.RemoveFirst();
                _inFlight++;
                first.Value.TrySetResult();
            }

            return lowered;
        }
    }

    private void Cancel(LinkedListNode<TaskCompletionSource> node, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (node.List is null)
            {
                return;
            }

            _waiters.Remove(node);
        }

        node.Value.TrySetCanceled(cancellationToken);
    }
}
