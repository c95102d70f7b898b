using System;
using System.Collections.Generic;

namespace Rivya.Sdk;

/// <summary>The <c>{ "object": "list", "data": [...] }</c> envelope of <c>GET /api/v1/models</c>.</summary>
internal sealed class ModelList
{
    public string? Object { get; set; }

    public IReadOnlyList<RivyaModel> Data { get; set; } = Array.Empty<RivyaModel>();
}
