namespace Slipway.Core.Tests.Pipelines;

/// <summary>Paths inside the repository, found from the test binary by walking up to Slipway.slnx.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string SchemaFolder => Path.Combine(Root, "src", "Slipway.Core", "Pipelines", "Azure", "Schema");

    public static string Examples => Path.Combine(Root, "examples", "azure");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Slipway.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Slipway.slnx was not found above the test binaries.");
    }
}
