using Slipway.Core.Yaml;

namespace Slipway.Core.Templates;

/// <summary>
/// Records variables into a scope as a <c>variables:</c> block is expanded, so that later entries of
/// the block and everything below it see them in <c>${{ variables.x }}</c> (AZP-VAR-7, TC-02).
/// </summary>
internal sealed class VariableCollector(VariableScope scope)
{
    /// <summary>Mapping form: <c>name: value</c>.</summary>
    public void Collect(YamlEntry entry)
    {
        if (entry.Value is YamlScalar value)
        {
            scope.Set(entry.Key.Value, value.Value);
        }
    }

    /// <summary>List form: <c>- name: x / value: y</c>; groups are runtime-only and add nothing.</summary>
    public void Collect(YamlNode item)
    {
        if (item is YamlMapping map && map["name"] is YamlScalar name && map["value"] is YamlScalar value)
        {
            scope.Set(name.Value, value.Value);
        }
    }

    public void CollectAll(YamlNode block)
    {
        switch (block)
        {
            case YamlMapping map:
                foreach (var entry in map.Entries)
                {
                    Collect(entry);
                }

                break;
            case YamlSequence sequence:
                foreach (var item in sequence.Items)
                {
                    Collect(item);
                }

                break;
        }
    }
}
