using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Slipway.Core.Runtime.Orchestration;

/// <summary>
/// Azure <c>counter(prefix, seed)</c> (AZP-EXPR-35): the seed on first use of a prefix, one more on
/// each later run. Kept per pipeline in <c>.slipway/counters/&lt;pipeline&gt;.json</c>.
/// </summary>
/// <remarks>The file is named on first use (its name hashes the pipeline's path with SHA-256, which loads OpenSSL;
/// most runs never call <c>counter</c>).</remarks>
internal sealed class Counters
{
    private readonly Lock _lock = new();
    private readonly Func<string?> _locate;
    private Dictionary<string, double>? _values;
    private string? _file;

    /// <summary>Counters kept in <paramref name="file"/> (none kept: null).</summary>
    public Counters(string? file) => _locate = () => file;

    private Counters(Func<string?> locate) => _locate = locate;

    /// <summary>The pipeline's counters in the run store (<see cref="FileFor"/>).</summary>
    public static Counters InStore(string storeDirectory, string pipelinePath) => new(() => FileFor(storeDirectory, pipelinePath));

    public double Next(string prefix, double seed)
    {
        lock (_lock)
        {
            _file ??= _locate();
            _values ??= Load(_file);
            var value = _values.TryGetValue(prefix, out var last) ? last + 1 : seed;
            _values[prefix] = value;
            Save();
            return value;
        }
    }

    private static Dictionary<string, double> Load(string? file)
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
        if (_file is not { } file)
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
