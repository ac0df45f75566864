/** Interface language: Vietnamese first, English second, remembered in localStorage. */
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { type Lang, type MessageKey, translate } from '../../../src/i18n';
import { setApiLanguage } from './api';

const STORAGE_KEY = 'cchc.lang';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

interface LangContextValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
}

const LangContext = createContext<LangContextValue | null>(null);

function storedLang(): Lang {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
}

function applyLang(lang: Lang): void {
  dayjs.locale(lang === 'vi' ? 'vi' : 'en');
  setApiLanguage(lang);
  document.documentElement.lang = lang;
}

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const initial = storedLang();
    applyLang(initial);
    return initial;
  });
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(STORAGE_KEY, next);
    applyLang(next);
    setLangState(next);
  }, []);
  const value = useMemo<LangContextValue>(() => ({ lang, setLang, t: (key, params) => translate(lang, key, params) }), [lang, setLang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang(): LangContextValue {
  const value = useContext(LangContext);
  if (!value) throw new Error('useLang outside LangProvider');
  return value;
}

/** Shortcut for components that only need strings. */
export function useT(): Translate {
  return useLang().t;
}
