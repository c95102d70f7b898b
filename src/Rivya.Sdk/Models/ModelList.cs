using System;
using System.Collections.Generic;

namespace Rivya.Sdk;

/// <summary>The <c>{ "object": "list", "data": [...] }</c> envelope of <c>GET /api/v1/models</c>.</summary>
internal sealed class ModelList
{
    private IReadOnlyList<RivyaModel> _data = Array.Empty<RivyaModel>();

    public string? Object { get; set; }

    // "data": null reads as an empty list, not a null the caller would trip over.
    public IReadOnlyList<RivyaModel> Data { get => _data; set => _data = value ?? Array.Empty<RivyaModel>(); }
}
