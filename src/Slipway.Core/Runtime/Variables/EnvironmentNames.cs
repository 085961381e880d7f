namespace Slipway.Core.Runtime.Variables;

/// <summary>The agent's <c>VarUtil.ConvertToEnvVariableFormat</c> (AZP-VAR-20): upper case, '.' and ' ' to '_'.</summary>
internal static class EnvironmentNames
{
    // Every step maps every variable: remembered per name (the set of names is small and fixed by the pipeline).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Known = new(StringComparer.Ordinal);

    public static string For(string variableName)
    {
        ArgumentNullException.ThrowIfNull(variableName);
        return Known.Count < 10_000 ? Known.GetOrAdd(variableName, Map) : Map(variableName);
    }

    private static string Map(string variableName) =>
        string.Create(variableName.Length, variableName, static (span, name) =>
        {
            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                span[i] = c is '.' or ' ' ? '_' : char.ToUpperInvariant(c);
            }
        });
}
