using LibvirtNested.Cli;

return await VirtNestApp.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
