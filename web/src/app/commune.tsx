/** Which commune the screens show: the user's own, or (city-level users) the one chosen in the header. */
import type { TCommune } from '@contract';
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { useUser } from './auth';
import { useCommunes } from './reference';

const STORAGE_KEY = 'cchc.commune';

interface CommuneContextValue {
  communeId: number | null;
  setCommuneId: (id: number) => void;
}

const CommuneContext = createContext<CommuneContextValue>({ communeId: null, setCommuneId: () => {} });

function storedCommuneId(): number | null {
  const value = Number(localStorage.getItem(STORAGE_KEY));
  return Number.isInteger(value) && value > 0 ? value : null;
}

export function CommuneProvider({ children }: { children: ReactNode }) {
  const user = useUser();
  const communes = useCommunes();
  const [chosen, setChosen] = useState<number | null>(storedCommuneId);
  const list = communes.data ?? [];
  const chosenExists = list.some((c) => c.id === chosen);

  useEffect(() => {
    if (user.communeId !== null || list.length === 0 || chosenExists) return;
    setChosen(list[0].id);
  }, [user.communeId, list, chosenExists]);

  const value: CommuneContextValue = {
    communeId: user.communeId ?? (chosenExists ? chosen : null),
    setCommuneId: (id) => {
      localStorage.setItem(STORAGE_KEY, String(id));
      setChosen(id);
    },
  };
  return <CommuneContext.Provider value={value}>{children}</CommuneContext.Provider>;
}

export function useCommune(): CommuneContextValue {
  return useContext(CommuneContext);
}

/** The commune the screens show, with what the user may do in it (the server's `can…` flags); null while loading. */
export function useCurrentCommune(): TCommune | null {
  const { communeId } = useCommune();
  const communes = useCommunes();
  return communes.data?.find((c) => c.id === communeId) ?? null;
}
