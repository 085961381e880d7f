using Slipway.Core.Pipelines.GitHub.Model;
using Slipway.Core.Pipelines.GitHub.Tokens;

namespace Slipway.Core.Pipelines.GitHub.Conversion;

/// <summary>Converts <c>permissions</c>: <c>read-all</c>, <c>write-all</c>, <c>{}</c> or scope to read/write/none.</summary>
internal static class PermissionsConverter
{
    public static WorkflowPermissions Convert(TemplateToken token)
    {
        var scopes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (token is StringToken text)
        {
            var level = text.Value == "write-all" ? "write" : "read";
            foreach (var scope in WorkflowPermissions.AllScopes)
            {
                scopes[scope] = level;
            }

            return new WorkflowPermissions(scopes);
        }

        foreach (var pair in token.AssertMapping("permissions").Pairs)
        {
            if (pair.Key is StringToken key && pair.Value is StringToken { Value: "read" or "write" } level
                && WorkflowPermissions.AllScopes.Contains(key.Value))
            {
                scopes[key.Value] = level.Value;
            }
        }

        return new WorkflowPermissions(scopes);
    }
}
