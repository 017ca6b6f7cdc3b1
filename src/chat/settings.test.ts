import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseMaxTokens, parseTemperature, settingsFrom } from './settings.ts';

describe('settings', () => {
  it('reads a temperature from 0 to 2; empty means the provider default', () => {
    expect(parseTemperature('')).toEqual({ value: undefined, error: undefined });
    expect(parseTemperature(' 0.7 ')).toEqual({ value: 0.7, error: undefined });
    expect(parseTemperature('0')).toEqual({ value: 0, error: undefined });
    expect(parseTemperature('2')).toEqual({ value: 2, error: undefined });
    expect(parseTemperature('2.1').error).toMatch(/from 0 to 2/);
    expect(parseTemperature('-1').value).toBeUndefined();
    expect(parseTemperature('warm').error).toBeDefined();
  });

  it('reads max tokens as a whole number of at least 1', () => {
    expect(parseMaxTokens('1024')).toEqual({ value: 1024, error: undefined });
    expect(parseMaxTokens('')).toEqual({ value: undefined, error: undefined });
    expect(parseMaxTokens('0').error).toMatch(/at least 1/);
    expect(parseMaxTokens('12.5').value).toBeUndefined();
  });

  it('takes what storage holds only where it is a string', () => {
    expect(settingsFrom(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(settingsFrom({ systemPrompt: 'Be brief.', temperature: 3, maxTokens: '256' })).toEqual({
      systemPrompt: 'Be brief.',
      temperature: '',
      maxTokens: '256',
      replyScroll: 'follow',
      conversationList: 'shown',
    });
    expect(settingsFrom({ systemPrompt: '' }).systemPrompt).toBe('');
    expect(settingsFrom({ replyScroll: 'start' }).replyScroll).toBe('start');
    expect(settingsFrom({ replyScroll: 'top' }).replyScroll).toBe('follow');
    expect(settingsFrom({ conversationList: 'hidden' }).conversationList).toBe('hidden');
    expect(settingsFrom({ conversationList: false }).conversationList).toBe('shown');
  });
});
