using System.IO;
using FluentAssertions;
using Rivya.Cli.Commands;
using Rivya.Cli.Output;
using Rivya.Sdk;
using Xunit;

namespace Rivya.Cli.Tests.Output;

/// <summary>A task's strings come from the server: none of their control characters reaches the terminal.</summary>
public class DescribeTests
{
    [Fact]
    public void A_hostile_task_prints_without_its_control_characters()
    {
        const string Esc = "\u001b]0;pwned\u0007\u001b[2J";
        var task = new Generation
        {
            Id = "task" + Esc,
            Status = GenerationStatus.Failed,
            Model = "kling" + Esc,
            Result = new GenerationResult { PrimaryUrl = "https://cdn.example/v.mp4" + Esc },
            Error = new GenerationError { Code = "boom" + Esc, Message = "line one\r\nline two" + Esc },
        };
        using var output = new StringWriter();

        TaskRunner.Describe(Terminal.For(output), task);

        var printed = output.ToString();
        printed.Should().Contain("task?]0;pwned??[2J").And.Contain("line one??line two");

        // Spectre may style with its own SGR sequences (ESC [ ... m); the server's title change, bell and screen clear never pass.
        printed.Should().NotContainAny("\u001b]", "\u0007", "\u001b[2J");
        printed.Split('\n').Should().HaveCount(4, "three lines (and the last line break); the message's CR LF is not a fourth line");
    }
}
