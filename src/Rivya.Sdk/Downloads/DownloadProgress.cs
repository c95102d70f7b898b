namespace Rivya.Sdk;

/// <summary>How far a result download has got (reported to <see cref="DownloadOptions.Progress"/>).</summary>
/// <param name="BytesReceived">The bytes written to the destination so far, resumed bytes included; it goes back to 0 when the result changed and the download started over.</param>
/// <param name="TotalBytes">The result's size in bytes, or null when the server did not say (no <c>Content-Length</c>).</param>
public readonly record struct DownloadProgress(long BytesReceived, long? TotalBytes);
