import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runIndicators } from './indicators';

/**
 * Blind fixtures: CSV exports written and counted by hand from issue 12's rules before the
 * code was read (fixtures/dossiers/blind/README.md). Each `<name>.expected.json` holds the
 * command's window and either the whole JSON it must print or the file-level error.
 */
const DIR = join(process.cwd(), 'fixtures', 'dossiers', 'blind');

interface BlindCase {
  args: { from: string; to: string; as_of: string };
  output?: Record<string, unknown>;
  /** a notice expected on stderr beside the JSON (e.g. a converted encoding) */
  stderr?: string;
  /** a file-level refusal: exit 1, nothing on stdout, this on stderr */
  error?: string;
}

const cases = readdirSync(DIR)
  .filter((name) => name.endsWith('.expected.json'))
  .sort()
  .map((name) => ({ csv: name.replace('.expected.json', '.csv'), spec: JSON.parse(readFileSync(join(DIR, name), 'utf8')) as BlindCase }));

/**
 * "~text" in an expected file means "a message containing text": the wording of a reason may
 * change, the cell value or cause it names may not. Everything else is compared exactly.
 */
function matcher(value: unknown): unknown {
  if (typeof value === 'string' && value.startsWith('~')) return expect.stringContaining(value.slice(1));
  if (Array.isArray(value)) return value.map(matcher);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, matcher(v)]));
  return value;
}

async function run(csv: string, spec: BlindCase) {
  const out: string[] = [];
  const err: string[] = [];
  const { from, to, as_of } = spec.args;
  const code = await runIndicators([join(DIR, csv), '--from', from, '--to', to, '--as-of', as_of, '--json'], {
    out: (t: string) => out.push(t),
    err: (t: string) => err.push(t),
  });
  return { code, out, err };
}

describe('cchc indicators on the blind fixtures', () => {
  it('has the cases it is meant to run', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  for (const { csv, spec } of cases) {
    it(csv, async () => {
      const { code, out, err } = await run(csv, spec);
      if (spec.error !== undefined) {
        expect(code).toBe(1);
        expect(out).toEqual([]);
        expect(err.join('\n')).toEqual(matcher(spec.error));
        return;
      }
      expect(code).toBe(0);
      expect(out).toHaveLength(1);
      const json = JSON.parse(out[0]) as Record<string, unknown>;
      expect(Object.keys(json)).toEqual(Object.keys(spec.output ?? {}));
      expect(json).toEqual(matcher(spec.output));
      if (spec.stderr === undefined) expect(err).toEqual([]);
      else expect(err.join('\n')).toEqual(matcher(spec.stderr));
    });
  }
});
