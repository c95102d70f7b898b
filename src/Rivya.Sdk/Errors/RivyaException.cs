using System;

namespace Rivya.Sdk;

/// <summary>The base of every exception the SDK throws on purpose. Messages never contain the API key.</summary>
public abstract class RivyaException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected RivyaException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
