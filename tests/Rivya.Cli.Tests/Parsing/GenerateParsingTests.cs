using System.IO;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Cli.Tests.Support;
using Xunit;

namespace Rivya.Cli.Tests.Parsing;

// Everything here fails before anything is sent: no server exists (RIVYA_BASE_ADDRESS points at a closed port).
public sealed class GenerateParsingTests : System.IDisposable
{
    private static readonly System.Collections.Generic.Dictionary<string, string?> WithKey =
        InProcess.Env(("RIVYA_API_KEY", "rvya_sk_test_key_never_used"), ("RIVYA_BASE_ADDRESS", "http://127.0.0.1:9/"));

    private readonly TempFolder _dir = new();

    [Fact]
    public async Task Every_invalid_param_is_listed_at_once_with_exit_2()
    {
        var run = await InProcess.RunAsync(_dir.Path, WithKey, "generate", "--model", "kling-3-0", "--prompt", "a fox", "--param", "duration=99", "--param", "colour=red", "--param", "aspect_ratio=16:9");

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("params.duration: must be one of").And.Contain("params.colour: is not a parameter of kling-3-0").And.Contain("nothing was sent");
        run.Stderr.Should().NotContain("aspect_ratio:");
        run.Stdout.Should().BeEmpty();
    }

    [Fact]
    public async Task A_number_param_is_checked_against_its_range()
    {
        var run = await InProcess.RunAsync(_dir.Path, WithKey, "generate", "--model", "kling-v2-1-master", "--prompt", "p", "--param", "cfg_scale=1.5");

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("params.cfg_scale: must be a number from 0 to 1");
    }

    [Theory]
    [InlineData("--prompt", "p")]
    [InlineData("--model", "kling-3-0")]
    public async Task A_missing_required_option_is_a_usage_error(string name, string value)
    {
        var run = await InProcess.RunAsync(_dir.Path, WithKey, "generate", name, value);

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("error:");
    }

    [Fact]
    public async Task An_unknown_model_or_a_malformed_param_is_refused()
    {
        var run = await InProcess.RunAsync(_dir.Path, WithKey, "generate", "--model", "sora-9", "--prompt", "p", "--param", "duration");

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("model: 'sora-9' is not in this rivya's catalogue");
    }

    [Fact]
    public async Task An_existing_out_file_is_not_overwritten_and_nothing_is_sent()
    {
        var existing = _dir.Write("fox.mp4", "mine");

        var run = await InProcess.RunAsync(_dir.Path, WithKey, "generate", "--model", "kling-3-0", "--prompt", "a fox", "--out", "fox.mp4");

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("exists; give --overwrite");
        File.ReadAllText(existing).Should().Be("mine");
    }

    [Fact]
    public async Task Without_a_key_generate_exits_3_after_validating()
    {
        var run = await InProcess.RunAsync(_dir.Path, "generate", "--model", "kling-3-0", "--prompt", "a fox");

        run.ExitCode.Should().Be(3);
        run.Stderr.Should().Contain("RIVYA_API_KEY is not set");
    }

    [Fact]
    public async Task A_missing_image_is_a_validation_error()
    {
        var run = await InProcess.RunAsync(_dir.Path, WithKey, "generate", "--model", "kling-3-0", "--prompt", "p", "--image", "nope.png");

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("nope.png: no such file");
    }

    [Fact]
    public async Task Out_with_no_wait_is_refused()
    {
        var run = await InProcess.RunAsync(_dir.Path, WithKey, "generate", "--model", "kling-3-0", "--prompt", "p", "--no-wait", "--out", "x.mp4");

        run.ExitCode.Should().Be(2);
    }

    [Theory]
    [InlineData("status")]
    [InlineData("wait")]
    [InlineData("download")]
    public async Task Task_commands_need_a_task_id(string command)
    {
        var run = await InProcess.RunAsync(_dir.Path, WithKey, command);

        run.ExitCode.Should().Be(2);
    }

    [Fact]
    public async Task An_unknown_command_or_option_exits_2()
    {
        (await InProcess.RunAsync(_dir.Path, "fly")).ExitCode.Should().Be(2);
        (await InProcess.RunAsync(_dir.Path, "credits", "--colour")).ExitCode.Should().Be(2);
    }

    [Fact]
    public async Task Credits_without_a_key_exits_3()
    {
        var run = await InProcess.RunAsync(_dir.Path, "credits");

        run.ExitCode.Should().Be(3);
    }

    public void Dispose() => _dir.Dispose();
}
