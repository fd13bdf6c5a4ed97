using System.ComponentModel.DataAnnotations;

namespace MixpanelSync.Silo.Hosting;

/// <summary>Settings of the silo process, bound from the <c>Sync</c> configuration section.</summary>
public sealed class SyncHostOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Sync";

    /// <summary>How state is stored and silos find each other.</summary>
    /// <value>Defaults to <see cref="HostingMode.Embedded"/>.</value>
    public HostingMode Mode { get; set; } = HostingMode.Embedded;

    /// <summary>
    /// The folder for the embedded mode's SQLite files, relative to the content root unless absolute.
    /// </summary>
    /// <value>Defaults to <c>data</c>.</value>
    [Required(AllowEmptyStrings = false)]
    public string DataDirectory { get; set; } = "data";

    /// <summary>The TCP port silos use to talk to each other.</summary>
    /// <value>Defaults to 11111.</value>
    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    /// <summary>The TCP port Orleans clients connect to.</summary>
    /// <value>Defaults to 30000.</value>
    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The Orleans cluster id; silos with the same id form one cluster.</summary>
    /// <value>Defaults to <c>mixpanel-sync</c>.</value>
    [Required(AllowEmptyStrings = false)]
    public string ClusterId { get; set; } = "mixpanel-sync";

    /// <summary>
    /// The Orleans service id. It keys grain state and reminders, so keep it stable across deployments.
    /// </summary>
    /// <value>Defaults to <c>mixpanel-sync</c>.</value>
    [Required(AllowEmptyStrings = false)]
    public string ServiceId { get; set; } = "mixpanel-sync";

    /// <summary>
    /// The IP address other silos and clients reach this silo at in cluster mode. Embedded mode always uses
    /// the loopback address.
    /// </summary>
    /// <value>Defaults to <c>127.0.0.1</c>.</value>
    [Required(AllowEmptyStrings = false)]
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>Whether the silo and gateway ports listen on every interface in cluster mode.</summary>
    /// <value>Defaults to <see langword="false"/>: they listen on <see cref="AdvertisedAddress"/> only.</value>
    public bool ListenOnAnyAddress { get; set; }

    /// <summary>
    /// Moves the clock that schedules, budgets and backoffs read by this amount, for tests and demos that
    /// need tomorrow's run today. Orleans itself keeps the real clock.
    /// </summary>
    /// <value>Defaults to zero.</value>
    public TimeSpan ClockOffset { get; set; }

    /// <summary>The PostgreSQL connection string; required in cluster mode, ignored in embedded mode.</summary>
    public string? PostgresConnectionString { get; set; }
}
