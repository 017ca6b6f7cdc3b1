import { useCallback, useMemo, useState } from 'react';
import { canChat, firstChatModel, pickInitialModel, type Preference, type ProviderGroup } from '../chat/model-catalog.ts';

export interface ModelSelection {
  provider: string | undefined;
  model: string | undefined;
  selectProvider(provider: string): void;
  selectModel(modelId: string): void;
}

/** The chosen model, defaulting to LLM_PROVIDER / LLM_MODEL once the list arrives. */
export function useModelSelection(groups: readonly ProviderGroup[] | undefined, preference: Preference | undefined): ModelSelection {
  const [chosen, setChosen] = useState<string | undefined>();

  const model = useMemo(() => {
    if (!groups) return undefined;
    // A model the gateway says cannot chat is never the one picked.
    const picked = chosen === undefined ? undefined : groups.flatMap((g) => g.models).find((m) => m.id === chosen);
    if (picked && canChat(picked)) return picked;
    return preference ? pickInitialModel(groups, preference) : undefined;
  }, [groups, chosen, preference]);

  const selectProvider = useCallback(
    (provider: string) => {
      const first = groups && firstChatModel(groups, provider);
      if (first) setChosen(first.id);
    },
    [groups],
  );

  return { provider: model?.provider, model: model?.id, selectProvider, selectModel: setChosen };
}
