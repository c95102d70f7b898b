namespace Rivya.Samples;

/// <summary>
/// An <see cref="IProgress{T}"/> that runs its callback at once, on the waiting thread. In a console program
/// <see cref="Progress{T}"/> posts each report to the thread pool, so a status line could print after the result.
/// </summary>
internal sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
