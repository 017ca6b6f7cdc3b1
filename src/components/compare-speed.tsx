import type { LaneSpeed, SpeedScope } from '../chat/lane-speeds.ts';
import { allScopeNote, continuedNote } from './compare-summary.ts';
import { duration, money, wholeNumber } from './figures.ts';
import { ModelName } from './model-name.tsx';
import { PaceSparkline } from './pace-sparkline.tsx';

const WAITING: Partial<Record<NonNullable<LaneSpeed['status']>, string>> = { waiting: 'waiting…', failed: 'failed' };

/** A figure with a bar scaled to the largest in its column; the lane that wins the column says so. */
/** The winner of a column: the word where there is room, a star (named the same) on a phone. */
function Mark({ children }: { children: string }) {
  return (
    <span className="ml-1.5 rounded bg-emerald-100 px-1 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-300">
      <span className="hidden sm:inline">{children}</span>
      <span className="sm:hidden" role="img" aria-label={children}>
        ★
      </span>
    </span>
  );
}

function BarCell({ value, max, text, fastest, tone }: { value: number | undefined; max: number; text: string; fastest: boolean; tone: string }) {
  return (
    <td className="px-1 py-1 sm:px-2">
      <div className="flex items-center gap-2">
        {/* On a phone the numbers alone: the table must fit beside nothing. */}
        <div className="hidden h-2 w-24 shrink-0 overflow-hidden rounded-full bg-zinc-100 sm:block md:w-40 dark:bg-zinc-800" aria-hidden="true">
          {value !== undefined && max > 0 ? <div className={`h-full rounded-full ${tone}`} style={{ width: `${Math.max(2, (100 * value) / max)}%` }} /> : null}
        </div>
        <span className="tabular-nums whitespace-nowrap">
          {text}
          {fastest ? <Mark>fastest</Mark> : null}
        </span>
      </div>
    </td>
  );
}

const SCOPE_CAPTION: Record<SpeedScope, string> = {
  last: 'Speed of the last message in each lane',
  all: 'Speed over all messages in each lane',
};

interface CompareSpeedProps {
  speeds: readonly LaneSpeed[];
  scope: SpeedScope;
  /** Given once a lane has two settled replies or more: the figures can then be of all of them. */
  onScopeChange?: ((scope: SpeedScope) => void) | undefined;
}

const SCOPE_LABEL: Record<SpeedScope, string> = { last: 'Last message', all: 'All messages' };

/**
 * The lanes' last replies side by side: how soon each began and how fast it
 * ran, live while they stream; or each lane over all its replies (medians,
 * and the cost summed).
 */
export function CompareSpeed({ speeds, scope, onScopeChange }: CompareSpeedProps) {
  const maxFirst = Math.max(0, ...speeds.map((s) => s.firstTokenMs ?? 0));
  const maxRate = Math.max(0, ...speeds.map((s) => s.tokensPerSecond ?? 0));
  // A cost column once any lane has one (the gateway gave prices and usage).
  const priced = speeds.some((s) => s.cost !== undefined);
  // A pace column once any lane's reply has settled with a trace.
  const paced = speeds.some((s) => s.trace !== undefined);
  const continued = continuedNote(speeds);
  return (
    <div className="overflow-x-auto border-b border-zinc-200 px-2 py-1.5 sm:px-4 dark:border-zinc-800">
      {onScopeChange ? (
        <div role="group" aria-label="Figures of" className="flex flex-wrap items-center gap-1 px-1 pb-1 text-xs sm:px-2">
          {(['last', 'all'] as const).map((value) => (
            <button
              key={value}
              type="button"
              aria-pressed={scope === value}
              onClick={() => onScopeChange(value)}
              className="whitespace-nowrap rounded px-2 py-0.5 text-zinc-600 hover:bg-zinc-100 aria-pressed:bg-zinc-200 aria-pressed:font-medium aria-pressed:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:aria-pressed:bg-zinc-700 dark:aria-pressed:text-zinc-100"
            >
              {SCOPE_LABEL[value]}
            </button>
          ))}
          {scope === 'all' ? <span className="ml-2 text-zinc-500 dark:text-zinc-400">{allScopeNote(speeds)}</span> : null}
        </div>
      ) : null}
      <table className="text-xs">
        <caption className="sr-only">{SCOPE_CAPTION[scope]}</caption>
        <thead className="text-left text-zinc-500 dark:text-zinc-400">
          <tr>
            <th scope="col" className="px-1 py-1 font-medium sm:px-2">
              Lane
            </th>
            <th scope="col" className="px-1 py-1 font-medium sm:px-2">
              First token
            </th>
            <th scope="col" className="px-1 py-1 font-medium sm:px-2">
              Speed
            </th>
            {/* On a phone the total is left to each lane's usage panel, so the table fits. */}
            <th scope="col" className="hidden px-1 py-1 font-medium sm:table-cell sm:px-2">
              Total
            </th>
            {priced ? (
              <th scope="col" className="px-1 py-1 font-medium sm:px-2">
                Cost
              </th>
            ) : null}
            {/* Beside the others' where the table has room; narrower, each lane's usage panel has it. */}
            {paced ? (
              <th scope="col" className="hidden px-2 py-1 font-medium lg:table-cell">
                Pace
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {speeds.map((s) => {
            const pending = s.status ? WAITING[s.status] : '—';
            return (
              <tr key={s.model}>
                {/* The model's own name first: the provider gives way where room is short, and on a phone is left out, the name wrapping there rather than cut; the full id names the row. */}
                <th scope="row" aria-label={s.model} title={s.model} className="max-w-24 px-1 py-1 text-left font-mono font-normal sm:max-w-56 sm:px-2 xl:max-w-80">
                  <ModelName id={s.model} providerClassName="max-sm:hidden" nameClassName="truncate max-sm:overflow-visible max-sm:whitespace-normal max-sm:[overflow-wrap:anywhere]" />
                </th>
                <BarCell
                  value={s.firstTokenMs}
                  max={maxFirst}
                  text={s.firstTokenMs === undefined ? (pending ?? '—') : duration(s.firstTokenMs)}
                  fastest={s.fastestFirstToken}
                  tone="bg-amber-400 dark:bg-amber-500"
                />
                <BarCell
                  value={s.tokensPerSecond}
                  max={maxRate}
                  text={s.tokensPerSecond === undefined ? '—' : `${s.estimated ? '≈ ' : ''}${wholeNumber.format(s.tokensPerSecond)} tok/s`}
                  fastest={s.fastestRate}
                  tone="bg-indigo-500 dark:bg-indigo-400"
                />
                <td className="hidden px-1 py-1 tabular-nums whitespace-nowrap sm:table-cell sm:px-2">{s.totalMs === undefined ? (s.status === 'streaming' ? 'streaming…' : '—') : duration(s.totalMs)}</td>
                {priced ? (
                  <td className="px-1 py-1 tabular-nums whitespace-nowrap sm:px-2">
                    {s.cost ? money(s.cost.amount, s.cost.currency) : '—'}
                    {s.cheapest ? <Mark>cheapest</Mark> : null}
                  </td>
                ) : null}
                {/* Each to its own peak: the shape (steady, bursty, stalled); the Speed column compares the rates. */}
                {paced ? <td className="hidden px-2 py-1 lg:table-cell">{s.trace ? <PaceSparkline trace={s.trace} tokens={s.traceTokens} /> : '—'}</td> : null}
              </tr>
            );
          })}
        </tbody>
      </table>
      {continued ? <p className="px-1 pt-0.5 text-xs text-zinc-500 sm:px-2 dark:text-zinc-400">{continued}</p> : null}
    </div>
  );
}
