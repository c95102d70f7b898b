using System.CommandLine;
using System.Globalization;
using System.Threading.Tasks;
using Rivya.Cli.Cli;
using Rivya.Cli.Output;
using Spectre.Console;

namespace Rivya.Cli.Commands;

/// <summary><c>rivya credits</c>, <c>rivya models</c>, <c>rivya check-catalog</c>: reads of the account and the catalogue.</summary>
internal static class AccountCommands
{
    public static Command Credits(CliContext context)
    {
        var json = CommonOptions.Json();
        var command = new Command("credits", "Show the account's credit balance.") { json };
        command.SetAction(result => CommandGuard.RunAsync(context, async () =>
        {
            ClientSetup.RequireKey(context);
            using var client = ClientSetup.CreateClient(context);
            var balance = await client.Credits.GetBalanceAsync(context.Interrupts.Stopping).ConfigureAwait(false);
            await WriteAsync(context, result.GetValue(json), WireJson.Balance(balance), console =>
                console.MarkupLine($"[bold]{balance.CurrentCredits.ToString(CultureInfo.InvariantCulture)}[/] credits")).ConfigureAwait(false);
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static Command Models(CliContext context)
    {
        var json = CommonOptions.Json();
        var command = new Command("models", "List the models Rivya offers (no key needed).") { json };
        command.SetAction(result => CommandGuard.RunAsync(context, async () =>
        {
            using var client = ClientSetup.CreateClient(context);
            var models = await client.Models.ListAsync(context.Interrupts.Stopping).ConfigureAwait(false);
            await WriteAsync(context, result.GetValue(json), WireJson.Models(models), console =>
            {
                var table = new Table().AddColumns("Model", "Name", "Credits", "Status");
                foreach (var model in models)
                {
                    table.AddRow(
                        Markup.Escape(Printable.Text(model.Id)),
                        Markup.Escape(Printable.Text(model.DisplayName)),
                        model.BaseCredits?.ToString(CultureInfo.InvariantCulture) ?? "-",
                        Markup.Escape(Printable.Text(model.ApiStatus)));
                }

                console.Write(table);
            }).ConfigureAwait(false);
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static Command CheckCatalog(CliContext context)
    {
        var json = CommonOptions.Json();
        var command = new Command("check-catalog", "Compare this rivya's built-in model rules with Rivya's live catalogue; exit 1 when they differ.") { json };
        command.SetAction(result => CommandGuard.RunAsync(context, async () =>
        {
            using var client = ClientSetup.CreateClient(context);
            var check = await client.Models.CheckCatalogAsync(context.Interrupts.Stopping).ConfigureAwait(false);
            await WriteAsync(context, result.GetValue(json), WireJson.CatalogCheck(check), console =>
            {
                if (!check.HasDrift)
                {
                    console.MarkupLine("[green]The built-in rules match Rivya's catalogue.[/]");
                }

                foreach (var change in check.Changes)
                {
                    console.MarkupLine(Markup.Escape(Printable.Text($"{change.ModelId}: {change.Kind}: expected {change.Expected}, Rivya says {change.Actual ?? "(absent)"}")));
                }

                foreach (var model in check.ModelsNotInSdk)
                {
                    console.MarkupLine(Markup.Escape(Printable.Text($"{model.Id}: offered by Rivya, not in this rivya's catalogue")));
                }
            }).ConfigureAwait(false);
            return check.HasDrift ? ExitCodes.SomeFailed : ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Prints <paramref name="jsonText"/> in JSON mode, else what <paramref name="live"/> draws.</summary>
    internal static async Task WriteAsync(CliContext context, bool json, string jsonText, System.Action<IAnsiConsole> live)
    {
        if (CommonOptions.UseJson(context, json))
        {
            await context.Out.WriteLineAsync(jsonText).ConfigureAwait(false);
            return;
        }

        live(Terminal.For(context.Out));
    }
}
