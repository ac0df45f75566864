/** Builds dossiers for tests from the export's own words ("10/01/2025 17:00"). */
import type { Dossier, LocalMoment } from './types';
import { parseMoment } from './values';

export function at(text: string): LocalMoment {
  const parsed = parseMoment(text);
  if (!parsed.ok) throw new Error(`bad moment in test: ${text}`);
  return parsed.value;
}

type DossierInput = Partial<Omit<Dossier, 'received' | 'appointment' | 'ended'>> & {
  received?: string;
  appointment?: string;
  ended?: string | null;
};

let counter = 0;

export function buildDossier(input: DossierInput = {}): Dossier {
  counter += 1;
  const { received = '10/01/2025 08:00', appointment = '15/01/2025 17:00', ended = null, ...rest } = input;
  return {
    code: `HS-${counter}`,
    procedureCode: null,
    procedureName: null,
    field: null,
    unit: null,
    channel: 'direct',
    status: ended === null ? 'processing' : 'resolved',
    hasFee: null,
    paidOnline: null,
    digitised: null,
    electronicResult: null,
    rating: null,
    ...rest,
    received: at(received),
    appointment: at(appointment),
    ended: ended === null ? null : at(ended),
  };
}
