using System.Runtime.InteropServices;

namespace Dragoman.Ingest;

/// <summary>What a path is once symbolic links are followed. .NET reports FIFOs and devices as ordinary empty files.</summary>
public enum FileKind { Unknown, Regular, Directory, Fifo, CharacterDevice, BlockDevice, Socket }

public static class FileKinds
{
    /// <summary>
    /// The kind of the final target of <paramref name="path"/>, read with Linux statx (its layout is the same on every
    /// architecture); <see cref="FileKind.Unknown"/> elsewhere or when it cannot be read.
    /// </summary>
    public static FileKind Of(string path)
    {
        if (!OperatingSystem.IsLinux()) return FileKind.Unknown;
        var buffer = new byte[256]; // struct statx
        try
        {
            if (Statx(AtFdCwd, path, 0, StatxType, buffer) != 0) return FileKind.Unknown;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return FileKind.Unknown;
        }
        int mode = BitConverter.ToUInt16(buffer, 28) & 0xF000; // stx_mode
        return mode switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0x1000 => FileKind.Fifo,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0xC000 => FileKind.Socket,
            _ => FileKind.Unknown,
        };
    }

    /// <summary>Words for a kind that is not read, for the failure line.</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Fifo => "a named pipe (FIFO)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        FileKind.Directory => "a folder",
        _ => "not a regular file",
    };

    private const int AtFdCwd = -100;
    private const uint StatxType = 1;

    [DllImport("libc", EntryPoint = "statx")]
    private static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);
}
