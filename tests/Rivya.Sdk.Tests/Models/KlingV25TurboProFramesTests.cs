using System;
using FluentAssertions;
using Xunit;

namespace Rivya.Sdk.Tests.Models;

/// <summary>kling-v2-5-turbo-pro reads its first reference as the first frame and the second as the last frame.</summary>
public class KlingV25TurboProFramesTests
{
    private static readonly ReferenceMediaItem First = ReferenceMediaItem.Image("https://cdn.example.com/first.png", "image/png");
    private static readonly ReferenceMediaItem Last = ReferenceMediaItem.Image("https://cdn.example.com/last.jpg", "image/jpeg");

    [Fact]
    public void With_frames_puts_the_first_frame_first_and_the_last_frame_second()
    {
        var parameters = new KlingV25TurboProParams { Duration = 10 }.WithFrames(First, Last);

        parameters.ReferenceMediaItems.Should().Equal(First, Last);
        parameters.FirstFrame.Should().BeSameAs(First);
        parameters.LastFrame.Should().BeSameAs(Last);
        parameters.Duration.Should().Be(10, "the other properties are kept");

        var items = Wire.Params(Wire.Request(parameters))["referenceMediaItems"]!.AsArray();
        items.Should().HaveCount(2);
        items[0]!["url"]!.GetValue<string>().Should().Be("https://cdn.example.com/first.png");
        items[1]!["url"]!.GetValue<string>().Should().Be("https://cdn.example.com/last.jpg");
        Wire.Request(parameters).Validate().Should().BeEmpty();
    }

    [Fact]
    public void A_first_frame_alone_has_no_last_frame()
    {
        var parameters = new KlingV25TurboProParams().WithFrames(First);

        parameters.ReferenceMediaItems.Should().Equal(First);
        parameters.FirstFrame.Should().BeSameAs(First);
        parameters.LastFrame.Should().BeNull();
    }

    [Fact]
    public void Without_references_there_are_no_frames()
    {
        var parameters = new KlingV25TurboProParams();

        parameters.FirstFrame.Should().BeNull();
        parameters.LastFrame.Should().BeNull();
    }

    [Fact]
    public void Frames_read_back_references_given_directly()
    {
        var parameters = new KlingV25TurboProParams { ReferenceMediaItems = [First, Last] };

        parameters.FirstFrame.Should().BeSameAs(First);
        parameters.LastFrame.Should().BeSameAs(Last);
    }

    [Fact]
    public void With_frames_does_not_change_the_original()
    {
        var original = new KlingV25TurboProParams { ReferenceMediaItems = [Last] };

        _ = original.WithFrames(First, Last);

        original.ReferenceMediaItems.Should().Equal(Last);
    }

    [Fact]
    public void A_first_frame_is_required()
    {
        var act = () => new KlingV25TurboProParams().WithFrames(null!, Last);

        act.Should().Throw<ArgumentNullException>().WithParameterName("firstFrame");
    }
}
