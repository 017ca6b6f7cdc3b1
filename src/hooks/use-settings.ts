// The Settings dialog's values: typed text kept as typed (and saved), and
// what a request gets from it.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { parseMaxTokens, parseTemperature, type ParsedNumber, type SettingsText } from '../chat/settings.ts';
import type { SettingsStore } from '../storage/settings-store.ts';

export interface Settings {
  text: SettingsText;
  temperature: ParsedNumber;
  maxTokens: ParsedNumber;
  change(update: Partial<SettingsText>): void;
}

export function useSettings(store: SettingsStore): Settings {
  const [text, setText] = useState(() => store.load());
  useEffect(() => store.save(text), [store, text]);
  const change = useCallback((update: Partial<SettingsText>) => setText((current) => ({ ...current, ...update })), []);
  const temperature = useMemo(() => parseTemperature(text.temperature), [text.temperature]);
  const maxTokens = useMemo(() => parseMaxTokens(text.maxTokens), [text.maxTokens]);
  return { text, temperature, maxTokens, change };
}
