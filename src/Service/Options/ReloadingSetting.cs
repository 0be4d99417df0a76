using Microsoft.Extensions.Options;

namespace MedGrpc.Service.Options;

/// <summary>
/// A credential list read from <see cref="ServiceOptions"/> and read again whenever the configuration changes (the
/// settings file of <see cref="SettingsFile"/>), so keys and certificates are added and removed without a restart.
/// At start a list that breaks its rule stops the service; later, a changed list that breaks it is refused and the
/// list in force stays, so a slip in the file never locks every caller out.
/// </summary>
public sealed class ReloadingSetting<T> : IDisposable where T : class
{
    private readonly Func<ServiceOptions, T> _build;
    private readonly Func<T, string> _identity;
    private readonly Func<T, string> _describe;
    private readonly ILogger _log;
    private readonly string _setting;
    private readonly IDisposable? _subscription;
    private readonly Lock _gate = new();
    private volatile T _current;
    private string _currentIdentity;

    /// <param name="build">The list from the options; throws <see cref="InvalidOperationException"/> naming the rule broken.</param>
    /// <param name="identity">What tells one list from another (compared, never logged): only a change is news.</param>
    /// <param name="describe">The list as the log may show it: counts and accounts, never a key or a secret.</param>
    public ReloadingSetting(IOptionsMonitor<ServiceOptions> options, string setting, Func<ServiceOptions, T> build,
        Func<T, string> identity, Func<T, string> describe, ILogger log, Action<T>? changed = null)
    {
        _build = build;
        _identity = identity;
        _describe = describe;
        _log = log;
        _setting = setting;
        _current = build(options.CurrentValue);
        _currentIdentity = identity(_current);
        _subscription = options.OnChange(o => Reload(o, changed));
    }

    public T Current => _current;

    private void Reload(ServiceOptions options, Action<T>? changed)
    {
        lock (_gate)
        {
            T next;
            try
            {
                next = _build(options);
            }
            catch (InvalidOperationException e)
            {
                _log.LogError("The changed {Setting} were refused and the ones in force kept: {Reason}", _setting, e.Message);
                return;
            }
            var identity = _identity(next);
            // Any change of the configuration calls back, often twice: only a change of this list is news.
            if (identity == _currentIdentity) return;
            _current = next;
            _currentIdentity = identity;
            _log.LogInformation("{Setting} reloaded: {Entries}", _setting, _describe(next));
            changed?.Invoke(next);
        }
    }

    public void Dispose() => _subscription?.Dispose();
}
