using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Slipway.Core.Runtime.Orchestration;

/// <summary>
/// Azure <c>counter(prefix, seed)</c> (AZP-EXPR-35): the seed on first use of a prefix, one more on
/// each later run. Kept per pipeline in <c>.slipway/counters/&lt;pipeline&gt;.json</c>.
/// </summary>
internal sealed class Counters(string? file)
{
    private readonly Lock _lock = new();
    private Dictionary<string, double>? _values;

    public double Next(string prefix, double seed)
    {
        lock (_lock)
        {
            _values ??= Load();
            var value = _values.TryGetValue(prefix, out var last) ? last + 1 : seed;
            _values[prefix] = value;
            Save();
            return value;
        }
    }

    private Dictionary<string, double> Load()
    {
        if (file is null || !File.Exists(file))
        {
            return new Dictionary<string, double>(StringComparer.Ordinal);
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(file), CountersJsonContext.Default.DictionaryStringDouble) ?? [];
        }
        catch (JsonException)
        {
            return new Dictionary<string, double>(StringComparer.Ordinal);
        }
    }

    private void Save()
    {
        if (file is null)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, JsonSerializer.Serialize(_values, CountersJsonContext.Default.DictionaryStringDouble));
    }

    public static string FileFor(string storeDirectory, string pipelinePath) =>
        Path.Combine(storeDirectory, "counters",
            $"{Path.GetFileNameWithoutExtension(pipelinePath)}-{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(pipelinePath)))[..12]}.json");
}

/// <summary>Source-generated (trimming- and Native AOT-safe) serializer for the counters file.</summary>
[JsonSerializable(typeof(Dictionary<string, double>))]
internal sealed partial class CountersJsonContext : JsonSerializerContext;
