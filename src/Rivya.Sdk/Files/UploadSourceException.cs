using System;

namespace Rivya.Sdk;

/// <summary>
/// Carries a failure to read the local file (deleted, locked, truncated mid-upload) out of the HTTP pipeline. It is
/// deliberately not an <see cref="System.IO.IOException"/>: the pipeline retries those as network faults, and
/// re-reading a broken local file cannot succeed. <see cref="FilesClient"/> rethrows the original.
/// </summary>
internal sealed class UploadSourceException(Exception inner) : Exception(inner.Message, inner);
