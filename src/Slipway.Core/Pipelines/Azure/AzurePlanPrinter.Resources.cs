using Slipway.Core.Planning;
using Slipway.Core.Planning.Rendering;
using Slipway.Core.Yaml;

namespace Slipway.Core.Pipelines.Azure;

internal static partial class AzurePlanPrinter
{
    private static YamlMapping? Resources(ResourceSet r)
    {
        var map = new MappingBuilder()
            .Add("repositories", r.Repositories.Count == 0 ? null : Node.List(r.Repositories.Select(Repository)))
            .Add("pipelines", r.Pipelines.Count == 0 ? null : Node.List(r.Pipelines.Select(PipelineResource)))
            .Add("containers", r.Containers.Count == 0 ? null : Node.List(r.Containers.Select(c => Container(c.Container, new MappingBuilder().Add("container", c.Alias)))))
            .Add("builds", r.Builds.Count == 0 ? null : Node.List(r.Builds.Select(b => new MappingBuilder()
                .Add("build", b.Alias).Add("type", b.Type).Add("connection", b.Connection).Add("source", b.Source)
                .Add("version", b.Version).Add("branch", b.Branch).Add("trigger", b.TriggerEnabled ? "true" : null).Build())))
            .Add("packages", r.Packages.Count == 0 ? null : Node.List(r.Packages.Select(p => new MappingBuilder()
                .Add("package", p.Alias).Add("type", p.Type).Add("connection", p.Connection).Add("name", p.Name)
                .Add("version", p.Version).Add("tag", p.Tag).Add("trigger", p.TriggerEnabled ? "true" : null).Build())))
            .Add("webhooks", r.Webhooks.Count == 0 ? null : Node.List(r.Webhooks.Select(w => new MappingBuilder()
                .Add("webhook", w.Alias).Add("connection", w.Connection).Add("type", w.Type)
                .Add("filters", w.Filters.Count == 0 ? null : Node.List(w.Filters.Select(f => new MappingBuilder().Add("path", f.Path).Add("value", f.Value).Build())))
                .Build())))
            .Build();
        return map.Entries.Count == 0 ? null : map;
    }

    private static YamlMapping Repository(RepositoryResource r) => new MappingBuilder()
        .Add("repository", r.Alias)
        .Add("type", r.Type)
        .Add("name", r.Name)
        .Add("ref", r.Ref)
        .Add("endpoint", r.Endpoint)
        .Add("trigger", r.Trigger is null ? null : Push(r.Trigger))
        .Build();

    private static YamlMapping PipelineResource(PipelineResource p) => new MappingBuilder()
        .Add("pipeline", p.Alias)
        .Add("project", p.Project)
        .Add("source", p.Source)
        .Add("version", p.Version)
        .Add("branch", p.Branch)
        .AddList("tags", p.Tags)
        .Add("trigger", p.Trigger is null ? null : new MappingBuilder()
            .Add("enabled", p.Trigger.Enabled)
            .Add("branches", Filters(p.Trigger.Branches))
            .AddList("stages", p.Trigger.Stages)
            .AddList("tags", p.Trigger.Tags)
            .Build())
        .Build();

    private static YamlMapping Container(ContainerSpec spec, MappingBuilder map) => map
        .Add("image", spec.Image)
        .Add("options", spec.Options)
        .Add("endpoint", spec.Endpoint)
        .AddMap("env", spec.Env)
        .AddList("ports", spec.Ports)
        .AddList("volumes", spec.Volumes)
        .Add("mapDockerSocket", spec.MapDockerSocket ? true : null)
        .Add("mountReadOnly", spec.ReadOnlyMounts.Count == 0 ? null : new YamlMapping(
            [.. spec.ReadOnlyMounts.Select(m => new YamlEntry(Node.Text(m), Node.Bool(true)))], Diagnostics.SourceLocation.None))
        .Build();
}
