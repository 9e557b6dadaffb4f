using Dragoman.Geo;

namespace Dragoman.Tests.Geo;

public class InstallLockTests
{
    [Fact]
    public async Task A_second_installer_waits_until_the_first_releases_the_data_folder()
    {
        var dir = Directory.CreateTempSubdirectory("dragoman-lock-").FullName;
        try
        {
            var messages = new List<string>();
            var first = GazetteerInstaller.AcquireInstallLock(dir, _ => { });
            Assert.True(first.IsOk, first.Error);
            var second = Task.Run(() => GazetteerInstaller.AcquireInstallLock(dir, m => { lock (messages) messages.Add(m); }));
            // while the first holds the lock the second keeps waiting and says why
            var early = await Task.WhenAny(second, Task.Delay(1000));
            Assert.True(early != second, "the second acquired the lock while the first held it");
            lock (messages) Assert.Contains(messages, m => m.Contains("waiting", StringComparison.Ordinal));
            first.Value!.Dispose();
            var done = await Task.WhenAny(second, Task.Delay(10_000));
            Assert.True(done == second, "the second never got the lock after the first released it");
            var got = await second;
            Assert.True(got.IsOk, got.Error);
            got.Value!.Dispose();
        }
        finally { Directory.Delete(dir, true); }
    }
}
