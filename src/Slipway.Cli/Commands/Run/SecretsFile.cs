using System.Text.Json;
using System.Text.Json.Serialization;

namespace Slipway.Cli.Commands.Run;

/// <summary>Reads <c>--secrets-file</c>: a JSON object of strings, or <c>name=value</c> lines with <c># comments</c>.</summary>
internal static class SecretsFile
{
    public static (List<KeyValuePair<string, string>> Secrets, string? Error) Read(string path)
    {
        if (!File.Exists(path))
        {
            return ([], $"The secrets file '{path}' was not found.");
        }

        var text = File.ReadAllText(path);
        return text.TrimStart().StartsWith('{') ? ReadJson(path, text) : ReadLines(path, text);
    }

    private static (List<KeyValuePair<string, string>>, string?) ReadJson(string path, string text)
    {
        try
        {
            var values = JsonSerializer.Deserialize(text, SecretsJsonContext.Default.DictionaryStringString) ?? [];
            return ([.. values], null);
        }
        catch (JsonException e)
        {
            return ([], $"{path}: the secrets file is not a JSON object of strings: {e.Message}");
        }
    }

    private static (List<KeyValuePair<string, string>>, string?) ReadLines(string path, string text)
    {
        var secrets = new List<KeyValuePair<string, string>>();
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                return ([], $"{path}({number},1): expected name=value.");
            }

            secrets.Add(KeyValuePair.Create(line[..eq].Trim(), line[(eq + 1)..]));
        }

        return (secrets, null);
    }
}

/// <summary>Source-generated (trimming- and Native AOT-safe) reader of the JSON form.</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class SecretsJsonContext : JsonSerializerContext;
