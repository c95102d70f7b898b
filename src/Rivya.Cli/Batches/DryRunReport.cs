using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Rivya.Cli.Cli;
using Rivya.Cli.Output;
using Spectre.Console;

namespace Rivya.Cli.Batches;

/// <summary>What <c>rivya batch --dry-run</c> prints: each row's planned action and estimate, the total, the balance.</summary>
internal static class DryRunReport
{
    public static async Task PrintAsync(CliContext context, bool json, System.Collections.Generic.IReadOnlyList<PlannedRow> plan, decimal estimate, decimal? balance, bool hasKey)
    {
        if (json)
        {
            foreach (var item in plan)
            {
                await context.Out.WriteLineAsync(WireJson.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("row", item.Row.Id);
                    w.WriteString("event", "planned");
                    w.WriteString("task_id", item.State?.TaskId);
                    w.WriteString("action", item.Action.ToString().ToLowerInvariant());
                    if (item.Action == RowAction.Create && item.Row.Body?.EstimateCredits() is { } credits)
                    {
                        w.WriteNumber("estimated_credits", credits);
                    }

                    w.WriteEndObject();
                })).ConfigureAwait(false);
            }

            await context.Out.WriteLineAsync(WireJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteStartObject("summary");
                w.WriteBoolean("dry_run", true);
                w.WriteNumber("rows", plan.Count);
                w.WriteNumber("creates", plan.Count(p => p.Action == RowAction.Create));
                w.WriteNumber("estimated_credits", estimate);
                if (balance is { } have)
                {
                    w.WriteNumber("balance", have);
                }
                else
                {
                    w.WriteNull("balance");
                }

                w.WriteEndObject();
                w.WriteEndObject();
            })).ConfigureAwait(false);
            return;
        }

        var console = Terminal.For(context.Out);
        var table = new Table().AddColumns("Row", "Action", "Model", "Estimated credits");
        foreach (var item in plan)
        {
            table.AddRow(
                Markup.Escape(Printable.Text(item.Row.Id)),
                item.Action.ToString(),
                Markup.Escape(Printable.Text(item.Row.Body?.Model ?? "?")),
                item.Action == RowAction.Create ? (item.Row.Body?.EstimateCredits()?.ToString(CultureInfo.InvariantCulture) ?? "?") : "-");
        }

        console.Write(table);
        console.MarkupLine($"Dry run: {plan.Count(p => p.Action == RowAction.Create)} create(s), an estimated [bold]{estimate.ToString(CultureInfo.InvariantCulture)}[/] credits; nothing was sent.");
        console.MarkupLine(balance is { } b
            ? $"Balance: {b.ToString(CultureInfo.InvariantCulture)} credits."
            : hasKey ? "Balance: not asked (give --budget to check it)." : "Balance: unknown (RIVYA_API_KEY is not set).");
    }
}
