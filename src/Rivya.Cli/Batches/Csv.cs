using System.Collections.Generic;
using System.Text;

namespace Rivya.Cli.Batches;

/// <summary>
/// An RFC 4180 reader: fields separated by commas, records by CRLF or LF; a field in double quotes may hold commas,
/// line breaks and doubled quotes (<c>""</c>). A blank line between records is skipped. Errors name the record.
/// </summary>
internal static class Csv
{
    public static List<List<string>> Parse(string text, out string? error)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var atFieldStart = true;
        var hasContent = false; // the record has a character, a quote or a comma: not a blank line
        error = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                    if (i + 1 < text.Length && text[i + 1] is not (',' or '\r' or '\n'))
                    {
                        error = $"record {records.Count + 1}: a closing quote must end its field.";
                        return records;
                    }
                }

                continue;
            }

            switch (c)
            {
                case '"' when atFieldStart:
                    quoted = true;
                    atFieldStart = false;
                    hasContent = true;
                    break;
                case '"':
                    error = $"record {records.Count + 1}: a quote inside an unquoted field (quote the whole field and double the quote).";
                    return records;
                case ',':
                    record.Add(field.ToString());
                    field.Clear();
                    atFieldStart = true;
                    hasContent = true;
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\r' or '\n':
                    EndRecord(records, ref record, field, hasContent);
                    atFieldStart = true;
                    hasContent = false;
                    break;
                default:
                    field.Append(c);
                    atFieldStart = false;
                    hasContent = true;
                    break;
            }
        }

        if (quoted)
        {
            error = $"record {records.Count + 1}: a quoted field is not closed.";
            return records;
        }

        EndRecord(records, ref record, field, hasContent);
        return records;
    }

    private static void EndRecord(List<List<string>> records, ref List<string> record, StringBuilder field, bool hasContent)
    {
        if (!hasContent)
        {
            return; // a blank line
        }

        record.Add(field.ToString());
        field.Clear();
        records.Add(record);
        record = [];
    }
}
