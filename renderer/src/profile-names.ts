import type { ProfileView } from '../../app/contract';

/**
 * A profile's name as shown: with the username, and numbered when two would still read the
 * same, so no two profiles are ever indistinguishable.
 */
export function profileLabels(profiles: readonly ProfileView[]): Map<string, string> {
  const base = profiles.map((p): [string, string] => [
    p.id,
    p.username ? `${p.name} · ${p.username}` : p.name,
  ]);
  const counts = new Map<string, number>();
  for (const [, label] of base) counts.set(label, (counts.get(label) ?? 0) + 1);
  const seen = new Map<string, number>();
  const labels = new Map<string, string>();
  for (const [id, label] of base) {
    if ((counts.get(label) ?? 0) < 2) labels.set(id, label);
    else {
      const n = (seen.get(label) ?? 0) + 1;
      seen.set(label, n);
      labels.set(id, `${label} (${n})`);
    }
  }
  return labels;
}

/** A name for a new profile that no existing profile has ("Local sandbox 2"). */
export function uniqueProfileName(name: string, profiles: readonly ProfileView[]): string {
  const taken = new Set(profiles.map((p) => p.name));
  if (!taken.has(name)) return name;
  let n = 2;
  while (taken.has(`${name} ${n}`)) n++;
  return `${name} ${n}`;
}
