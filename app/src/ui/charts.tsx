/**
 * Hand-drawn SVG charts: stacked bars with a reference mark per bar (a quorum, a pool, a
 * limit). Each chart has a caption, a summary for screen readers, and its numbers in a table
 * under "Numbers", so nothing is only visible as a picture.
 */
export interface Series {
  label: string;
  /** A CSS class that sets its fill (see styles.css). */
  tone: "a" | "b" | "c" | "d";
  values: number[];
}

export interface BarChartProps {
  title: string;
  /** One sentence: what the chart shows, for screen readers and the figure's caption. */
  summary: string;
  labels: string[];
  series: Series[];
  /** A reference value per bar (undefined: none at that bar). */
  marks?: (number | undefined)[];
  markLabel?: string;
  format: (value: number) => string;
  /** Shown instead of the chart when there is nothing yet. */
  empty?: string;
  testId?: string;
}

/** A round step (1, 2 or 5 times a power of ten) and the ticks up to the first one above `max`. */
function axis(max: number): { top: number; ticks: number[] } {
  if (max <= 0) return { top: 1, ticks: [0, 1] };
  const rough = max / 3;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const ticks = [0];
  while (ticks[ticks.length - 1]! < max) ticks.push(ticks.length * step);
  return { top: ticks[ticks.length - 1]!, ticks };
}

const W = 560;
const H = 220;
const M = { top: 14, right: 12, bottom: 34, left: 64 };

export function BarChart({ title, summary, labels, series, marks = [], markLabel, format, empty, testId }: BarChartProps) {
  const totals = labels.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const { top, ticks } = axis(Math.max(0, ...totals, ...marks.filter((m): m is number => m !== undefined)));
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const slot = labels.length ? plotW / labels.length : plotW;
  const barW = Math.max(4, Math.min(48, slot * 0.6));
  const y = (v: number) => M.top + plotH - (v / top) * plotH;
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>
        <strong>{title}</strong> <span className="muted">{summary}</span>
      </figcaption>
      {labels.length === 0 ? (
        <p className="muted">{empty ?? "Nothing to show yet."}</p>
      ) : (
        <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${title}. ${summary}`}>
          {ticks.map((t) => (
            <g key={t}>
              <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} className="grid" />
              <text x={M.left - 6} y={y(t) + 4} textAnchor="end" className="axis">
                {format(t)}
              </text>
            </g>
          ))}
          {labels.map((label, i) => {
            const x = M.left + i * slot + (slot - barW) / 2;
            let base = 0;
            const mark = marks[i];
            return (
              <g key={`${label}-${i}`}>
                {series.map((s) => {
                  const v = s.values[i] ?? 0;
                  const rect = <rect key={s.label} x={x} width={barW} y={y(base + v)} height={Math.max(0, y(base) - y(base + v))} className={`tone-${s.tone}`} />;
                  base += v;
                  return rect;
                })}
                {mark !== undefined && <line x1={x - 4} x2={x + barW + 4} y1={y(mark)} y2={y(mark)} className="mark" />}
                <text x={x + barW / 2} y={H - M.bottom + 14} textAnchor="middle" className="axis">
                  {label}
                </text>
              </g>
            );
          })}
        </svg>
      )}
      {labels.length > 0 && (
        <div className="legend">
          {series.map((s) => (
            <span key={s.label}>
              <i className={`swatch tone-${s.tone}`} /> {s.label}
            </span>
          ))}
          {markLabel && (
            <span>
              <i className="swatch mark-swatch" /> {markLabel}
            </span>
          )}
        </div>
      )}
      {labels.length > 0 && (
        <details>
          <summary>Numbers</summary>
          <table>
            <thead>
              <tr>
                <th scope="col"></th>
                {series.map((s) => (
                  <th scope="col" key={s.label}>
                    {s.label}
                  </th>
                ))}
                {markLabel && <th scope="col">{markLabel}</th>}
              </tr>
            </thead>
            <tbody>
              {labels.map((label, i) => (
                <tr key={`${label}-${i}`}>
                  <th scope="row">{label}</th>
                  {series.map((s) => (
                    <td key={s.label}>{format(s.values[i] ?? 0)}</td>
                  ))}
                  {markLabel && <td>{marks[i] === undefined ? "" : format(marks[i]!)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </figure>
  );
}
