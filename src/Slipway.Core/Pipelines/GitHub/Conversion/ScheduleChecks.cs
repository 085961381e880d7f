using System.Globalization;
using Slipway.Core.Pipelines.GitHub.Reading;
using Slipway.Core.Pipelines.GitHub.Tokens;
using Codes = Slipway.Core.Pipelines.GitHub.GitHubWorkflowDiagnosticCodes;

namespace Slipway.Core.Pipelines.GitHub.Conversion;

/// <summary>
/// Checks <c>on.schedule</c> as GitHub's workflow parser does: each entry is <c>{cron, timezone?}</c> and the
/// cron has five POSIX fields (minute hour day-of-month month day-of-week; month and weekday names allowed).
/// </summary>
internal static class ScheduleChecks
{
    private sealed record Field(int Min, int Max, IReadOnlyDictionary<string, int>? Names = null);

    private static readonly Dictionary<string, int> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jan"] = 1,
        ["feb"] = 2,
        ["mar"] = 3,
        ["apr"] = 4,
        ["may"] = 5,
        ["jun"] = 6,
        ["jul"] = 7,
        ["aug"] = 8,
        ["sep"] = 9,
        ["oct"] = 10,
        ["nov"] = 11,
        ["dec"] = 12,
    };

    private static readonly Dictionary<string, int> Days = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sun"] = 0,
        ["mon"] = 1,
        ["tue"] = 2,
        ["wed"] = 3,
        ["thu"] = 4,
        ["fri"] = 5,
        ["sat"] = 6,
    };

    private static readonly Field[] Fields = [new(0, 59), new(0, 23), new(1, 31), new(1, 12, Months), new(0, 6, Days)];

    public static void Check(TemplateToken on, WorkflowErrors errors)
    {
        if ((on as MappingToken)?.Find("schedule") is not SequenceToken schedule)
        {
            return;
        }

        foreach (var entry in schedule.Items.OfType<MappingToken>())
        {
            var valid = true;
            var hasCron = false;
            foreach (var pair in entry.Pairs)
            {
                switch ((pair.Key as StringToken)?.Value)
                {
                    case "cron" when pair.Value is StringToken cron:
                        hasCron = cron.Value.Length > 0;
                        if (!IsValidCron(cron.Value))
                        {
                            errors.Add(Codes.InvalidValue, "Invalid cron expression. Expected format: '* * * * *' (minute hour day month weekday)", cron);
                        }

                        break;
                    case "cron" or "timezone":
                        break;
                    default:
                        errors.Add(Codes.InvalidValue, "Invalid schedule key", pair.Key);
                        valid = false;
                        break;
                }
            }

            if (valid && !hasCron)
            {
                errors.Add(Codes.InvalidValue, "Missing required key 'cron' in schedule entry", entry);
            }
        }
    }

    public static bool IsValidCron(string cron)
    {
        var parts = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 5 && parts.Select((part, i) => IsValidPart(part, Fields[i], allowSeparators: true)).All(ok => ok);
    }

    private static bool IsValidPart(string value, Field field, bool allowSeparators)
    {
        if ((field.Names?.ContainsKey(value) ?? false) || value == "*")
        {
            return true;
        }

        if (value.Contains(',', StringComparison.Ordinal))
        {
            return allowSeparators && value.Split(',').All(v => v.Length > 0 && IsValidPart(v, field, allowSeparators: true));
        }

        if (value.Contains('/', StringComparison.Ordinal))
        {
            var split = value.Split('/');
            return allowSeparators && split.Length == 2 && split[0].Length > 0 && int.TryParse(split[1], NumberStyles.None, CultureInfo.InvariantCulture, out var step)
                && step > 0 && IsValidPart(split[0], field, allowSeparators: true) && IsValidPart(split[1], field, allowSeparators: false);
        }

        if (value.Contains('-', StringComparison.Ordinal))
        {
            var split = value.Split('-');
            return allowSeparators && split.Length == 2 && split[0].Length > 0 && split[1].Length > 0
                && IsValidPart(split[0], field, allowSeparators: false) && IsValidPart(split[1], field, allowSeparators: false)
                && ToNumber(split[1], field) >= ToNumber(split[0], field);
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= field.Min && number <= field.Max;
    }

    private static int ToNumber(string value, Field field) =>
        field.Names is not null && field.Names.TryGetValue(value, out var named) ? named : int.Parse(value, CultureInfo.InvariantCulture);
}
