using System;
using System.Linq;
using FluentAssertions;
using Rivya.Sdk.Generations;
using Rivya.Sdk.Validation;
using Xunit;

namespace Rivya.Sdk.Tests.Validation;

/// <summary>Validation reports every broken rule at once, not the first only.</summary>
public class AllErrorsAtOnceTests
{
    private static readonly string[] ExpectedPaths =
    [
        "prompt",
        "params.duration",
        "params.aspect_ratio",
        "params.cfg_scale",
        "params.referenceMediaItems",
        "params.referenceMediaItems[1].kind",
        "params.referenceMediaItems[2].url",
    ];

    [Fact]
    public void A_request_breaking_many_rules_gets_all_of_them_back()
    {
        var errors = BreakEverything().Validate();

        errors.Select(e => e.Path).Should().BeEquivalentTo(ExpectedPaths);
        errors.Should().OnlyContain(e => !string.IsNullOrWhiteSpace(e.Message));
    }

    [Fact]
    public void The_exception_lists_every_broken_rule_in_its_message()
    {
        var act = () => RivyaValidationException.ThrowIfAny(RequestValidator.Validate(BreakEverything()));

        var exception = act.Should().Throw<RivyaValidationException>().Which;
        exception.Errors.Select(e => e.Path).Should().BeEquivalentTo(ExpectedPaths);
        exception.Message.Should().Contain("7 rules were broken");
        foreach (var error in exception.Errors)
        {
            exception.Message.Should().Contain($"{error.Path}: {error.Message}");
        }
    }

    [Fact]
    public void A_single_broken_rule_is_named_in_the_message()
    {
        var request = Wire.Request(new Kling30Params { Duration = 16 });

        var act = () => RivyaValidationException.ThrowIfAny(RequestValidator.Validate(request));

        act.Should().Throw<RivyaValidationException>()
            .Which.Message.Should().Contain("params.duration: must be one of 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15; got '16'.");
    }

    [Fact]
    public void A_valid_request_does_not_throw()
    {
        var act = () => RivyaValidationException.ThrowIfAny(RequestValidator.Validate(Documented.WithReference("kling-3-0")));

        act.Should().NotThrow();
    }

    [Fact]
    public void Validation_error_reads_as_path_and_message()
    {
        new ValidationError("params.cfg_scale", "must be a finite number from 0 to 1 inclusive; got 2.")
            .ToString().Should().Be("params.cfg_scale: must be a finite number from 0 to 1 inclusive; got 2.");
    }

    private static GenerationRequest BreakEverything() => new()
    {
        Prompt = new string('a', 2501),
        Params = new KlingV25TurboProParams
        {
            Duration = 7,
            AspectRatio = "4:3",
            CfgScale = double.NaN,
            ReferenceMediaItems =
            [
                ReferenceMediaItem.Image("https://cdn.example.com/first.png", "image/png"),
                new ReferenceMediaItem("https://cdn.example.com/clip.mp4", MediaKind.Video),
                ReferenceMediaItem.Image("ftp://cdn.example.com/last.png"),
            ],
        },
        ClientRequestId = "order-1",
    };
}
