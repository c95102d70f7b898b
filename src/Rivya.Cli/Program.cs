using Rivya.Cli;
using Rivya.Cli.Cli;

// rivya: the entry point. Everything a test needs to drive in-process goes through CliContext.
using var interrupts = Interrupts.ForProcess();
return await CliApp.RunAsync(args, CliContext.ForProcess(interrupts)).ConfigureAwait(false);
