/** Turns API errors into the text shown to the user, and shows short notices. */
import { App } from 'antd';
import { useCallback } from 'react';
import { catalogueKeys, type MessageKey } from '../../../src/i18n';
import { ApiError, NETWORK_ERROR } from './api';
import { useLang } from './i18n';

const englishKeys = new Set(catalogueKeys('en'));

/** The server's Vietnamese message as is; in English, the catalogue's text for the error code when there is one. */
export function useErrorText(): (error: unknown) => string {
  const { lang, t } = useLang();
  return useCallback(
    (error: unknown) => {
      if (!(error instanceof ApiError)) return t('error.internal');
      if (error.code === NETWORK_ERROR) return t('ui.error.network');
      const key = `error.${error.code}`;
      if (lang === 'en' && englishKeys.has(key)) {
        const text = t(key as MessageKey);
        // Templates with placeholders need the server's details: keep its message then.
        if (!text.includes('{')) return text;
      }
      return error.message || t('error.internal');
    },
    [lang, t],
  );
}

export function useNotify() {
  const { message } = App.useApp();
  const errorText = useErrorText();
  return {
    error: (error: unknown) => void message.error(errorText(error)),
    success: (text: string) => void message.success(text),
  };
}
