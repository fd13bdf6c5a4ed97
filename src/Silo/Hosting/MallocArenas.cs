using System.Runtime.InteropServices;

namespace MixpanelSync.Silo.Hosting;

/// <summary>Caps the number of glibc malloc arenas in the silo process.</summary>
/// <remarks>
/// glibc gives threads malloc arenas of their own, by default up to eight per core (mallopt(3)), and each
/// arena keeps the memory freed in it. SQLite and zlib allocate natively on whichever thread-pool thread runs a
/// read or a compression, so a long sync spread such memory over many arenas. A backfill of 10,000,000 events
/// peaked at 335 to 358 MB RSS with glibc's default, and at 297 to 317 MB with <c>MALLOC_ARENA_MAX=2</c>, for
/// the same CPU time. The variable works best, because glibc reads it before the runtime starts any thread, so
/// the silo's Dockerfile and launch profile set it. This cap covers other launches only in part, because the
/// threads that started before <c>Main</c> already have their arenas (six on an idle silo, against one with
/// the variable).
/// </remarks>
internal static partial class MallocArenas
{
    /// <summary>The arena cap, as glibc's <c>MALLOC_ARENA_MAX</c> would set it.</summary>
    public const int Max = 2;

    // M_ARENA_MAX in glibc's malloc.h.
    private const int ArenaMaxOption = -8;

    /// <summary>
    /// Sets the cap on Linux, unless the environment sets one. Call it first thing: arenas that exist already
    /// stay in use.
    /// </summary>
    /// <returns>Whether the cap was set.</returns>
    public static bool Limit()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null)
        {
            return false;
        }

        try
        {
            return SetOption(ArenaMaxOption, Max) == 1;
        }
        catch (Exception exception) when (exception is EntryPointNotFoundException or DllNotFoundException)
        {
            // Without glibc's mallopt the C library's allocator stays as it is.
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int SetOption(int option, int value);
}
