// The demo gateway's models. Each carries the streaming shape of a real
// provider (PROTOCOL.md, "What varies by provider") and a timing profile.

export type UsageShape = 'final-chunk' | 'finish-chunk' | 'none';
export type ReasoningShape = 'none' | 'reasoning_content' | 'reasoning' | 'inline-think';
export type Failure = 'rate-limit' | 'mid-stream-error' | 'cut-stream' | 'timeout' | 'stall' | 'not-chat';

export interface TimingProfile {
  /** Wait before the first token, in ms. */
  firstTokenMs: number;
  tokensPerSecond: number;
}

export const TIMING = {
  fast: { firstTokenMs: 150, tokensPerSecond: 450 },
  typical: { firstTokenMs: 500, tokensPerSecond: 70 },
  slowStart: { firstTokenMs: 2500, tokensPerSecond: 45 },
} as const satisfies Record<string, TimingProfile>;

export interface DemoModel {
  id: string;
  servedBy: string;
  ownedBy: string;
  contextWindow: number;
  /** Price per token, as decimal strings (the gateway's `include=pricing`). */
  pricing: { prompt: string; completion: string };
  timing: TimingProfile;
  usage: UsageShape;
  reasoning: ReasoningShape;
  /** Wire quirks this provider's stream shows. */
  lineEnding: '\n' | '\r\n';
  dataPrefix: 'data: ' | 'data:';
  comments: boolean;
  failure?: Failure;
  /** What it takes and gives (the gateway's `include=modalities`); text in, text out unless said. */
  modalities?: { input: readonly string[]; output: readonly string[] };
  /**
   * As the gateway streams with its MCP mode on: completions back to back in
   * one stream, the first ones ending in tool calls the gateway runs itself
   * (`finish_reason: "tool_calls"`), then the answer, then one `[DONE]`.
   */
  mcp?: boolean;
}

const VISION = { input: ['text', 'image'], output: ['text'] } as const;

const base = { lineEnding: '\n', dataPrefix: 'data: ', comments: false, reasoning: 'none', usage: 'final-chunk' } as const;

export const DEMO_MODELS: readonly DemoModel[] = [
  { ...base, id: 'groq/llama-3.3-70b-versatile', servedBy: 'groq', ownedBy: 'Meta', contextWindow: 131072, pricing: { prompt: '0.00000059', completion: '0.00000079' }, timing: TIMING.fast, lineEnding: '\r\n' },
  { ...base, id: 'groq/openai/gpt-oss-20b', servedBy: 'groq', ownedBy: 'OpenAI', contextWindow: 131072, pricing: { prompt: '0.0000001', completion: '0.0000005' }, timing: TIMING.fast, reasoning: 'reasoning' },
  { ...base, id: 'openai/gpt-4o-mini', servedBy: 'openai', ownedBy: 'openai', contextWindow: 128000, pricing: { prompt: '0.00000015', completion: '0.0000006' }, timing: TIMING.typical, modalities: VISION },
  { ...base, id: 'openai/gpt-4.1', servedBy: 'openai', ownedBy: 'openai', contextWindow: 1047576, pricing: { prompt: '0.000002', completion: '0.000008' }, timing: TIMING.typical, modalities: VISION },
  // Makes images only: the gateway lists it, and a chat app must not offer it for chat. Not first of openai's: LLM_PROVIDER=openai alone still opens on gpt-4o-mini, the first model of that provider (UI-CONTRACT.md).
  { ...base, id: 'openai/gpt-image-1', servedBy: 'openai', ownedBy: 'openai', contextWindow: 32000, pricing: { prompt: '0.000005', completion: '0.00004' }, timing: TIMING.typical, failure: 'not-chat', modalities: { input: ['text', 'image'], output: ['image'] } },
  { ...base, id: 'anthropic/claude-sonnet-4-5', servedBy: 'anthropic', ownedBy: 'anthropic', contextWindow: 200000, pricing: { prompt: '0.000003', completion: '0.000015' }, timing: TIMING.typical, usage: 'finish-chunk', modalities: VISION },
  { ...base, id: 'deepseek/deepseek-reasoner', servedBy: 'deepseek', ownedBy: 'deepseek', contextWindow: 65536, pricing: { prompt: '0.00000055', completion: '0.00000219' }, timing: TIMING.slowStart, reasoning: 'reasoning_content' },
  { ...base, id: 'deepseek/deepseek-chat', servedBy: 'deepseek', ownedBy: 'deepseek', contextWindow: 65536, pricing: { prompt: '0.00000027', completion: '0.0000011' }, timing: TIMING.typical },
  { ...base, id: 'google/models/gemini-2.5-flash', servedBy: 'google', ownedBy: 'google', contextWindow: 1048576, pricing: { prompt: '0.0000003', completion: '0.0000025' }, timing: TIMING.fast, modalities: { input: ['text', 'image', 'audio', 'video'], output: ['text'] } },
  { ...base, id: 'mistral/mistral-small-latest', servedBy: 'mistral', ownedBy: 'mistralai', contextWindow: 32768, pricing: { prompt: '0.0000001', completion: '0.0000003' }, timing: TIMING.typical, usage: 'finish-chunk' },
  { ...base, id: 'cohere/command-r-plus', servedBy: 'cohere', ownedBy: 'cohere', contextWindow: 128000, pricing: { prompt: '0.0000025', completion: '0.00001' }, timing: TIMING.typical, usage: 'none' },
  { ...base, id: 'ollama/qwen3:8b', servedBy: 'ollama', ownedBy: 'library', contextWindow: 40960, pricing: { prompt: '0', completion: '0' }, timing: TIMING.slowStart, reasoning: 'reasoning', dataPrefix: 'data:', comments: true },
  { ...base, id: 'ollama/deepseek-r1:7b', servedBy: 'ollama', ownedBy: 'library', contextWindow: 131072, pricing: { prompt: '0', completion: '0' }, timing: TIMING.typical, reasoning: 'inline-think' },
  { ...base, id: 'openai/demo-rate-limit', servedBy: 'openai', ownedBy: 'demo', contextWindow: 128000, pricing: { prompt: '0', completion: '0' }, timing: TIMING.typical, failure: 'rate-limit' },
  { ...base, id: 'anthropic/demo-mid-stream-error', servedBy: 'anthropic', ownedBy: 'demo', contextWindow: 200000, pricing: { prompt: '0', completion: '0' }, timing: TIMING.typical, failure: 'mid-stream-error' },
  { ...base, id: 'ollama/demo-cut-stream', servedBy: 'ollama', ownedBy: 'demo', contextWindow: 40960, pricing: { prompt: '0', completion: '0' }, timing: TIMING.typical, failure: 'cut-stream' },
  { ...base, id: 'mistral/demo-stall', servedBy: 'mistral', ownedBy: 'demo', contextWindow: 32768, pricing: { prompt: '0', completion: '0' }, timing: TIMING.typical, failure: 'stall' },
  { ...base, id: 'ollama/demo-slow-timeout', servedBy: 'ollama', ownedBy: 'demo', contextWindow: 40960, pricing: { prompt: '0', completion: '0' }, timing: TIMING.typical, failure: 'timeout' },
  { ...base, id: 'openai/demo-mcp-tools', servedBy: 'openai', ownedBy: 'demo', contextWindow: 128000, pricing: { prompt: '0', completion: '0' }, timing: TIMING.fast, mcp: true },
];

export const PROVIDERS = [
  'ollama', 'ollama_cloud', 'groq', 'llamacpp', 'openai', 'cloudflare', 'cohere', 'anthropic',
  'deepseek', 'google', 'mistral', 'minimax', 'moonshot', 'nvidia', 'zai',
] as const;
