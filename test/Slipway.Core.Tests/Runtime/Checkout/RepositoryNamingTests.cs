using Slipway.Core.Diagnostics;
using Slipway.Core.Runtime.Repositories;

namespace Slipway.Core.Tests.Runtime.Checkout;

/// <summary>Build.Repository.Name/Provider from origin URLs, and the s/&lt;repoName&gt; folder names of AZP-STEP-12.</summary>
public sealed class RepositoryNamingTests
{
    [Theory]
    [InlineData("https://github.com/contoso/web.git", "contoso/web", "GitHub")]
    [InlineData("git@github.com:contoso/web.git", "contoso/web", "GitHub")]
    [InlineData("https://dev.azure.com/org/Project/_git/Tools", "Tools", "TfsGit")]
    [InlineData("https://org.visualstudio.com/Project/_git/Tools", "Tools", "TfsGit")]
    [InlineData("https://bitbucket.org/team/lib.git", "team/lib", "Bitbucket")]
    [InlineData("https://git.example.com/group/sub/lib.git", "lib", "Git")]
    [InlineData("/srv/git/lib.git", "lib", "Git")]
    public void AZP_VAR_80_NameAndProviderFromTheOriginUrl(string url, string name, string provider)
    {
        var (actualName, actualProvider, _, _) = RepositoryNaming.FromRemote(url, "/tmp/folder");

        Assert.Equal(name, actualName);
        Assert.Equal(provider, actualProvider);
    }

    [Theory]
    [InlineData("contoso/tools", "tools")]
    [InlineData("Tools", "Tools")]
    [InlineData("https://github.com/contoso/tools.git", "tools")]
    [InlineData("https://dev.azure.com/org/p/_git/Tools/", "Tools")]
    public void AZP_STEP_12_CloneDirectoryIsTheLastSegmentOfTheName(string name, string folder) =>
        Assert.Equal(folder, RepositoryNaming.CloneDirectory(name));

    [Fact]
    public void AZP_VAR_80_CredentialsAreRemovedFromUrls()
    {
        Assert.Equal("https://host/x.git", RepositoryNaming.WithoutCredentials("https://user:pat@host/x.git"));
        Assert.Equal("git@host:x.git", RepositoryNaming.WithoutCredentials("git@host:x.git"));
    }
}
