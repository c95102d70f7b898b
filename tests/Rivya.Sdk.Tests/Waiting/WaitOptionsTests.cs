using System;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.Waiting;

public sealed class WaitOptionsTests
{
    [Fact]
    public void Defaults_follow_Rivyas_polling_guidance()
    {
        var options = new WaitOptions();

        options.InitialDelay.Should().Be(TimeSpan.FromSeconds(2.5));
        options.PollInterval.Should().Be(TimeSpan.FromSeconds(5));
        options.PollIntervalMultiplier.Should().Be(1.5);
        options.MaxPollInterval.Should().Be(TimeSpan.FromSeconds(15));
        options.Timeout.Should().Be(TimeSpan.FromMinutes(30));
        options.Jitter.Should().Be(0.1);
        options.Progress.Should().BeNull();
    }

    [Fact]
    public void Options_given_to_a_call_inherit_every_property_they_do_not_set_from_the_clients_default()
    {
        IProgress<Generation> progress = new Progress<Generation>();
        var clientDefault = new WaitOptions
        {
            InitialDelay = TimeSpan.Zero,
            PollInterval = TimeSpan.FromSeconds(1),
            MaxPollInterval = TimeSpan.FromSeconds(2),
            PollIntervalMultiplier = 1,
            Timeout = TimeSpan.FromSeconds(30),
            Jitter = 0,
            Progress = progress,
        };
        Action<Generation> callback = _ => { };

        var merged = new WaitOptions { OnStatusChanged = callback, InitialDelay = TimeSpan.FromSeconds(2.5) }.InheritFrom(clientDefault);

        merged.OnStatusChanged.Should().BeSameAs(callback);
        merged.InitialDelay.Should().Be(TimeSpan.FromSeconds(2.5), "a value set to the built-in default is still set");
        merged.PollInterval.Should().Be(TimeSpan.FromSeconds(1));
        merged.MaxPollInterval.Should().Be(TimeSpan.FromSeconds(2));
        merged.PollIntervalMultiplier.Should().Be(1);
        merged.Timeout.Should().Be(TimeSpan.FromSeconds(30));
        merged.Jitter.Should().Be(0);
        merged.Progress.Should().BeSameAs(progress);
        (new WaitOptions { Progress = null } with { Jitter = 0.2 }).InheritFrom(clientDefault).Progress.Should().BeNull("null set explicitly is set");
        new WaitOptions().InheritFrom(null).Should().Be(new WaitOptions(), "with no client default the built-in defaults apply");
    }

    public static TheoryData<string, Func<WaitOptions>> OutOfRange => new()
    {
        { "InitialDelay", () => new WaitOptions { InitialDelay = TimeSpan.FromSeconds(-1) } },
        { "InitialDelay", () => new WaitOptions { InitialDelay = TimeSpan.FromDays(25) } },
        { "InitialDelay", () => new WaitOptions { InitialDelay = Timeout.InfiniteTimeSpan } },
        { "PollInterval", () => new WaitOptions { PollInterval = TimeSpan.Zero } },
        { "PollInterval", () => new WaitOptions { PollInterval = TimeSpan.FromSeconds(-5) } },
        { "MaxPollInterval", () => new WaitOptions { MaxPollInterval = TimeSpan.Zero } },
        { "MaxPollInterval", () => new WaitOptions { MaxPollInterval = TimeSpan.MaxValue } },
        { "Timeout", () => new WaitOptions { Timeout = TimeSpan.Zero } },
        { "Timeout", () => new WaitOptions { Timeout = TimeSpan.FromSeconds(-2) } },
        { "Timeout", () => new WaitOptions { Timeout = TimeSpan.FromDays(30) } },
        { "PollIntervalMultiplier", () => new WaitOptions { PollIntervalMultiplier = 0.9 } },
        { "PollIntervalMultiplier", () => new WaitOptions { PollIntervalMultiplier = 11 } },
        { "PollIntervalMultiplier", () => new WaitOptions { PollIntervalMultiplier = double.NaN } },
        { "PollIntervalMultiplier", () => new WaitOptions { PollIntervalMultiplier = double.PositiveInfinity } },
        { "Jitter", () => new WaitOptions { Jitter = -0.1 } },
        { "Jitter", () => new WaitOptions { Jitter = 0.6 } },
        { "Jitter", () => new WaitOptions { Jitter = double.NaN } },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void A_value_out_of_range_is_refused_when_set_naming_the_property(string property, Func<WaitOptions> make)
    {
        FluentActions.Invoking(make).Should().Throw<ArgumentOutOfRangeException>()
            .WithParameterName(property)
            .Which.Message.Should().Contain(property);
    }

    [Fact]
    public void A_with_expression_is_checked_too()
    {
        FluentActions.Invoking(() => new WaitOptions() with { PollInterval = TimeSpan.FromSeconds(-1) })
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("PollInterval");
    }

    [Fact]
    public void Edge_values_are_accepted()
    {
        var options = new WaitOptions
        {
            InitialDelay = TimeSpan.Zero,
            PollInterval = TimeSpan.FromDays(24),
            MaxPollInterval = TimeSpan.FromDays(24),
            PollIntervalMultiplier = 1,
            Jitter = 0,
            Timeout = Timeout.InfiniteTimeSpan,
        };

        options.Timeout.Should().Be(Timeout.InfiniteTimeSpan);
        options.InitialDelay.Should().Be(TimeSpan.Zero);
        FluentActions.Invoking(() => options.Validate("options")).Should().NotThrow();
        new WaitOptions { Jitter = WaitOptions.MaxJitter, PollIntervalMultiplier = 10 }.Jitter.Should().Be(0.5);
    }

    [Fact]
    public void A_poll_interval_above_the_maximum_is_refused_when_the_wait_starts_naming_both()
    {
        var options = new WaitOptions { PollInterval = TimeSpan.FromSeconds(20) };

        FluentActions.Invoking(() => options.Validate("options"))
            .Should().Throw<ArgumentException>().WithParameterName("options")
            .Which.Message.Should().Contain("PollInterval (20 s)").And.Contain("MaxPollInterval (15 s)");
    }

    [Fact]
    public async Task WaitForCompletionAsync_refuses_options_that_do_not_fit_before_polling()
    {
        using var client = new RivyaClient(new RivyaClientOptions { ApiKey = Support.TestKeys.ApiKey, BaseAddress = new Uri("http://127.0.0.1:9/") });

        await FluentActions.Awaiting(() => client.Generations.WaitForCompletionAsync("task_1", new WaitOptions { MaxPollInterval = TimeSpan.FromSeconds(1) }).Bound())
            .Should().ThrowAsync<ArgumentException>().WithParameterName("options");
    }
}
