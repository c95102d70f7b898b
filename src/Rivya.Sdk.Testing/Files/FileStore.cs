using System;
using System.Collections.Generic;

namespace Rivya.Sdk.Testing.Files;

/// <summary>The uploaded files, by id; thread-safe.</summary>
internal sealed class FileStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, StoredFile> _files = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _files.Count;
            }
        }
    }

    public void Add(StoredFile file)
    {
        lock (_gate)
        {
            _files.Add(file.Id, file);
        }
    }

    public StoredFile? Find(string id)
    {
        lock (_gate)
        {
            return _files.TryGetValue(id, out var file) ? file : null;
        }
    }
}
