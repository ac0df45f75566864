/**
 * What a new password must be: at least 10 characters, not containing the username, and not
 * guessable — judged by zxcvbn (common and leaked passwords, names, dates, keyboard rows,
 * sequences, l33t variants) at score 3 or more. Applied whenever a password is set.
 */
import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { type MessageKey, translate } from '../../i18n';
import { invalid } from '../errors';

export const PASSWORD_MIN_LENGTH = 10;
const MIN_SCORE = 3;
// zxcvbn's matching grows with length; past this, a password is long enough that the tail adds nothing to the verdict.
const CHECKED_PREFIX = 100;

const zxcvbn = new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });

export interface PasswordOwner {
  username: string;
  fullName?: string | null;
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase();

/** zxcvbn's warning in our catalogue's words. */
function reasonKey(result: ZxcvbnResult): MessageKey {
  switch (result.feedback.warning) {
    case 'topTen':
    case 'topHundred':
    case 'common':
    case 'pwned':
      return 'error.password.reason.common';
    case 'similarToCommon':
      return 'error.password.reason.similarToCommon';
    case 'userInputs':
      return 'error.password.reason.userInputs';
    case 'sequences':
      return 'error.password.reason.sequences';
    case 'simpleRepeat':
    case 'extendedRepeat':
      return 'error.password.reason.repeat';
    case 'straightRow':
    case 'keyPattern':
      return 'error.password.reason.keyboard';
    case 'dates':
    case 'recentYears':
      return 'error.password.reason.dates';
    case 'wordByItself':
    case 'namesByThemselves':
    case 'commonNames':
      return 'error.password.reason.names';
    default:
      return 'error.password.reason.other';
  }
}

/** The Vietnamese reason a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, owner: PasswordOwner): string | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return translate('vi', 'error.password.tooShort', { min: PASSWORD_MIN_LENGTH });
  const username = fold(owner.username.trim());
  if (username.length >= 3 && fold(password).includes(username)) return translate('vi', 'error.password.hasUsername');
  const personal = [owner.username, ...(owner.fullName ?? '').split(/\s+/), ...fold(owner.fullName ?? '').split(/\s+/)].filter((w) => w.length >= 2);
  const result = zxcvbn.check(password.slice(0, CHECKED_PREFIX), personal);
  if (result.score < MIN_SCORE) return translate('vi', 'error.password.weak', { reason: translate('vi', reasonKey(result)) });
  return null;
}

/** Throws a 400 with the reason when the password does not meet the policy. */
export function assertPasswordPolicy(password: string, owner: PasswordOwner): void {
  const problem = passwordProblem(password, owner);
  if (problem) throw invalid(problem);
}
