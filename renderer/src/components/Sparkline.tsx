import type { RateLimitView } from '../../../app/contract';

/** Remaining requests over the last samples, as a tiny line. */
export function Sparkline({ limit, label }: { limit: RateLimitView; label: string }) {
  const points = limit.history;
  if (points.length < 2 || limit.limit <= 0) return <span className="sparkline" />;
  const path = points
    .map((point, index) => {
      const x = (index / (points.length - 1)) * 100;
      const y = 24 - (point.remaining / limit.limit) * 22;
      return `${index === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
  return (
    <svg
      className="sparkline"
      viewBox="0 0 100 26"
      preserveAspectRatio="none"
      role="img"
      aria-label={label}
    >
      <path
        d={path}
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        vectorEffect="non-scaling-stroke"
      />
    </svg>
  );
}
