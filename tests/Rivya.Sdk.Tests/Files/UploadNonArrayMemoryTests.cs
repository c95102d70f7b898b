using System;
using System.Buffers;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace Rivya.Sdk.Tests.Files;

/// <summary>
/// <see cref="FileUpload.FromBytes(ReadOnlyMemory{byte}, string, MediaKind)"/> with memory no array backs (a caller's
/// native memory, say): netstandard2.0 has no <c>Stream.WriteAsync</c> for memory, so the body writes it another way.
/// This leg and the netstandard2.0 leg both pin the bytes sent.
/// </summary>
public sealed class UploadNonArrayMemoryTests
{
    [Fact]
    public async Task Memory_without_an_array_is_sent_byte_for_byte()
    {
        var png = SampleMedia.Png(300);
        using var owner = new CopyingMemoryManager(png);
        MemoryMarshal.TryGetArray<byte>(owner.Memory, out _).Should().BeFalse("the test needs memory that no array backs");

        var prepared = await PreparedUpload.PrepareAsync(FileUpload.FromBytes(owner.Memory, "cat.png", MediaKind.Image), skipValidation: false, default);
        using var content = prepared.CreateContent();
        var sent = await content.ReadAsByteArrayAsync();

        content.Headers.ContentLength.Should().Be(sent.Length);
        IndexOf(sent, png).Should().BeGreaterThan(0, "the file's bytes are sent whole, between the form's head and tail");
    }

    private static int IndexOf(byte[] haystack, byte[] needle) =>
        Enumerable.Range(0, haystack.Length - needle.Length + 1).FirstOrDefault(i => haystack.AsSpan(i, needle.Length).SequenceEqual(needle), -1);

    // Memory over a private copy that is never exposed as an array (TryGetArray answers false).
    private sealed class CopyingMemoryManager(byte[] bytes) : MemoryManager<byte>
    {
        private readonly byte[] _bytes = (byte[])bytes.Clone();

        public override Span<byte> GetSpan() => _bytes;

        public override MemoryHandle Pin(int elementIndex = 0) => throw new NotSupportedException();

        public override void Unpin()
        {
        }

        protected override bool TryGetArray(out ArraySegment<byte> segment)
        {
            segment = default;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
        }
    }
}
