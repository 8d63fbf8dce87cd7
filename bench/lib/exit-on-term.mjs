// Preloaded into a bench server (`--import`): SIGTERM exits normally, so that `--cpu-prof` writes its profile.
process.on('SIGTERM', () => process.exit(0))
