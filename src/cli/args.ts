/**
 * What every command shares: its options read by Node's own parseArgs (strict, so a
 * mistyped option is refused rather than ignored) with the refusals worded in
 * Vietnamese, and where its output goes (stdout/stderr, or a test's collectors).
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';

export interface CliDeps {
  out?: (text: string) => void;
  err?: (text: string) => void;
}

export function cliIO(deps: CliDeps = {}): Required<CliDeps> {
  return {
    out: deps.out ?? ((text) => process.stdout.write(`${text}\n`)),
    err: deps.err ?? ((text) => process.stderr.write(`${text}\n`)),
  };
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** The parsed options and words, or the Vietnamese reason the command line is refused. */
export function readCommandLine<O extends Options>(args: string[], options: O, maxPositionals: number) {
  try {
    const parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
    const extra = parsed.positionals[maxPositionals];
    return extra === undefined ? parsed : `Thừa tham số: ${extra}`;
  } catch (error) {
    return refusal(error as NodeJS.ErrnoException);
  }
}

function refusal(error: NodeJS.ErrnoException): string {
  const option = /'(-[^' ]+)/.exec(error.message)?.[1] ?? '';
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `Tùy chọn ${option} cần một giá trị.`;
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `Tùy chọn không hợp lệ: ${option}`;
  return `Dòng lệnh không hợp lệ: ${error.message}`;
}
