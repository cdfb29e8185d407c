import { HardenError } from '../errors.ts';
import { openManifest } from '../openapi/openManifest.ts';
import { judge } from './approvals.ts';
import { diffManifests } from './diffManifests.ts';
import { FORMATS, formatDiff, type DiffFormat } from './format.ts';
import { manifestAtRef } from './readAtRef.ts';

export interface DiffFlags {
  since?: string;
  overlay?: string;
  format?: string;
}

/**
 * `harden diff OLD NEW` or `harden diff --since REF [MANIFEST]`: the typed changes to the security
 * contract. Returns 1 when a loosening is not approved in the new manifest, else 0.
 */
export async function diffCommand(files: string[], flags: DiffFlags, io: { env: NodeJS.ProcessEnv; out: (l: string) => void }): Promise<number> {
  const format = (flags.format ?? 'console') as DiffFormat;
  if (!FORMATS.includes(format)) throw new HardenError('OPTION_INVALID', `--format must be one of ${FORMATS.join(', ')}, got "${flags.format}".`);
  let oldLabel: string;
  let newFile: string;
  let old;
  if (flags.since !== undefined) {
    if (files.length > 1) throw new HardenError('OPTION_INVALID', 'with --since, name one manifest (its committed version is the old one).');
    const file = files[0] ?? io.env.HARDEN_MANIFEST;
    if (file === undefined) throw new HardenError('OPTION_INVALID', 'harden diff --since REF needs a manifest: name it, or set HARDEN_MANIFEST.');
    old = await manifestAtRef(file, flags.since, flags.overlay);
    [oldLabel, newFile] = [`${flags.since}:${file}${old === undefined ? ' (absent)' : ''}`, file];
  } else {
    if (files.length !== 2) throw new HardenError('OPTION_INVALID', 'harden diff needs two manifests (OLD NEW), or --since REF and one manifest.');
    [oldLabel, newFile] = [files[0]!, files[1]!];
    old = (await openManifest(oldLabel, flags.overlay)).manifest;
  }
  const next = (await openManifest(newFile, flags.overlay)).manifest;
  const report = { old: oldLabel, new: newFile, ...judge(diffManifests(old, next), next.approved) };
  for (const line of formatDiff(report, format)) io.out(line);
  return report.unapproved.length > 0 ? 1 : 0;
}
