namespace Slipway.Core.Runtime.Variables;

/// <summary>The agent's <c>VarUtil.ConvertToEnvVariableFormat</c> (AZP-VAR-20): upper case, '.' and ' ' to '_'.</summary>
internal static class EnvironmentNames
{
    public static string For(string variableName)
    {
        ArgumentNullException.ThrowIfNull(variableName);
        return string.Create(variableName.Length, variableName, static (span, name) =>
        {
            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                span[i] = c is '.' or ' ' ? '_' : char.ToUpperInvariant(c);
            }
        });
    }
}
