/**
 * The one i18n catalogue: domain vocabulary, error messages and interface strings,
 * Vietnamese first, English complete. Server and web app both read it.
 */
import { directivesEn, directivesVi } from './directives';
import { domainEn, domainVi } from './domain';
import { dossiersEn, dossiersVi } from './dossiers';
import { errorsEn, errorsVi } from './errors';
import { inspectionsEn, inspectionsVi } from './inspections';
import { inspectionsWebEn, inspectionsWebVi } from './inspections-web';
import { notificationsEn, notificationsVi } from './notifications';
import { plansEn, plansVi } from './plans';
import { uiEn, uiVi } from './ui';

export type Lang = 'vi' | 'en';

const catalogue = {
  vi: { ...domainVi, ...errorsVi, ...notificationsVi, ...uiVi, ...dossiersVi, ...plansVi, ...directivesVi, ...inspectionsVi, ...inspectionsWebVi },
  en: { ...domainEn, ...errorsEn, ...notificationsEn, ...uiEn, ...dossiersEn, ...plansEn, ...directivesEn, ...inspectionsEn, ...inspectionsWebEn },
};

export type MessageKey = keyof (typeof catalogue)['vi'];

/** Looks a key up and fills `{name}` placeholders. */
export function translate(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template: string = catalogue[lang][key] ?? catalogue.vi[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

export function catalogueKeys(lang: Lang): string[] {
  return Object.keys(catalogue[lang]);
}
