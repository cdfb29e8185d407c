// Preloaded into each `harden plan` child of scripts/corpus.ts: reports the process's CPU time and
// peak RSS as it exits, on stderr, where the corpus reads it (stdout is the plan's JSON).
process.on('exit', () => {
  const usage = process.resourceUsage();
  const cpuMs = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000);
  require('node:fs').writeSync(2, `\ncorpus-usage ${JSON.stringify({ cpuMs, rssMb: Math.round(usage.maxRSS / 1024) })}\n`);
});
