/** Turns API errors into the text shown to the user, and shows short notices. */
import { App } from 'antd';
import { useCallback } from 'react';
import { ApiError, NETWORK_ERROR } from './api';
import { useT } from './i18n';

/** The server's message as is (it is worded in the interface language, see setApiLanguage). */
export function useErrorText(): (error: unknown) => string {
  const t = useT();
  return useCallback(
    (error: unknown) => {
      if (!(error instanceof ApiError)) return t('error.internal');
      if (error.code === NETWORK_ERROR) return t('ui.error.network');
      return error.message || t('error.internal');
    },
    [t],
  );
}

export function useNotify() {
  const { message } = App.useApp();
  const errorText = useErrorText();
  return {
    error: (error: unknown) => void message.error(errorText(error)),
    /** a problem found before asking the server */
    warn: (text: string) => void message.warning(text),
    success: (text: string) => void message.success(text),
  };
}
