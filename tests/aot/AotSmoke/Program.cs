using LibvirtNested.AotSmoke;

// Every public area of the libraries, on test:///default and files in a temporary directory; exit code 0 only when
// every check passed. scripts/aot-check.sh publishes this app with NativeAOT and runs the native binary.
var work = Directory.CreateTempSubdirectory("aot-smoke-");
var run = new SmokeRun(Console.Out);
try
{
    await run.AreaAsync("xml", () => XmlArea.Run(run, work.FullName));
    await run.AreaAsync("native", () => NativeArea.RunAsync(run, work.FullName));
    await run.AreaAsync("events", () => EventsArea.RunAsync(run, work.FullName));
    await run.AreaAsync("resilient", () => ResilientArea.RunAsync(run));
    await run.AreaAsync("telemetry", () => TelemetryArea.Run(run));
    await run.AreaAsync("host", () => HostArea.Run(run, work.FullName));
    await run.AreaAsync("hosting", () => HostingArea.RunAsync(run));
}
finally
{
    work.Delete(recursive: true);
}

return run.Finish();
