using Slipway.Core.Masking;

namespace Slipway.Core.Tests.Masking;

public sealed class SecretMaskerConcurrencyTests
{
    [Fact]
    public async Task MASK_SecretsAddedWhileOtherThreadsMask_AreNeverTornAndTakeEffect()
    {
        var masker = SecretMasker.ForGitHubActions();
        using var stop = new CancellationTokenSource();
        var maskers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            var line = "token-0000 and token-0001 in a line";
            while (!stop.IsCancellationRequested)
            {
                var masked = masker.Mask(line);
                Assert.True(masked == line || masked.Contains("***", StringComparison.Ordinal));
            }
        })).ToArray();

        for (var i = 0; i < 200; i++)
        {
            masker.AddValue($"token-{i:D4}");
        }

        await stop.CancelAsync();
        await Task.WhenAll(maskers);
        Assert.Equal("*** and *** in a line", masker.Mask("token-0000 and token-0001 in a line"));
        Assert.Equal("***", masker.Mask("token-0199"));
    }
}
