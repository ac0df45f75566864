/** Row and file problems in words, from the i18n catalogue. */
import { type Lang, translate } from '../../i18n/index';
import type { DossierFileProblem } from './file-errors';
import type { RowProblem } from './validate';

function paramsOf(problem: object): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(problem)) {
    if (k !== 'code') params[k] = Array.isArray(v) ? v.map(String).join(', ') : (v as string | number);
  }
  return params;
}

export function describeRowProblems(problems: RowProblem[], lang: Lang = 'vi'): string {
  return problems.map((p) => translate(lang, `dossier.row.${p.code}`, paramsOf(p))).join('; ');
}

export function describeFileProblem(problem: DossierFileProblem, lang: Lang = 'vi'): string {
  return translate(lang, `dossier.file.${problem.code}`, paramsOf(problem));
}
