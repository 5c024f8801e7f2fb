import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

type Props<T> = {
  readonly items: readonly T[];
  readonly rowHeight: number;
  /** Visible height in px. */
  readonly height: number;
  readonly label: string;
  readonly getKey: (item: T) => string;
  readonly renderRow: (item: T, index: number) => ReactNode;
  readonly onActivate: (item: T) => void;
  /** Rows rendered above and below the viewport, so fast scrolling shows no gaps. */
  readonly overscan?: number;
};

/**
 * A fixed-row-height virtual list: only the rows in view are in the DOM, so 10,000 cases scroll as smoothly as
 * ten. It is a single tab stop (role=listbox); arrow keys, Page Up/Down, Home and End move the active row, which
 * is kept in view, and Enter opens it.
 */
export function VirtualList<T>({
  items,
  rowHeight,
  height,
  label,
  getKey,
  renderRow,
  onActivate,
  overscan = 8,
}: Props<T>) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [active, setActive] = useState(0);
  const clampedActive = Math.min(active, Math.max(items.length - 1, 0));
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + overscan);

  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const top = clampedActive * rowHeight;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + rowHeight > element.scrollTop + height) element.scrollTop = top + rowHeight - height;
  }, [clampedActive, rowHeight, height]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      const page = Math.max(1, Math.floor(height / rowHeight) - 1);
      const moves: Record<string, number> = {
        ArrowDown: 1,
        ArrowUp: -1,
        PageDown: page,
        PageUp: -page,
        Home: -Infinity,
        End: Infinity,
      };
      const move = moves[event.key];
      if (move !== undefined) {
        event.preventDefault();
        setActive((current) =>
          Math.max(
            0,
            Math.min(items.length - 1, Number.isFinite(move) ? current + move : move > 0 ? items.length - 1 : 0),
          ),
        );
      } else if (event.key === 'Enter') {
        const item = items[clampedActive];
        if (item !== undefined) onActivate(item);
      }
    },
    [height, rowHeight, items, clampedActive, onActivate],
  );

  const rows: ReactNode[] = [];
  for (let index = first; index < last; index++) {
    const item = items[index];
    if (item === undefined) continue;
    const id = `vrow-${getKey(item)}`;
    rows.push(
      <div
        key={getKey(item)}
        id={id}
        role="option"
        aria-selected={index === clampedActive}
        aria-posinset={index + 1}
        aria-setsize={items.length}
        className={index === clampedActive ? 'vlist__row vlist__row--active' : 'vlist__row'}
        data-row-index={index}
        onClick={() => {
          setActive(index);
          onActivate(item);
        }}
      >
        {renderRow(item, index)}
      </div>,
    );
  }
  const activeItem = items[clampedActive];
  return (
    <div
      ref={viewport}
      className="vlist"
      role="listbox"
      aria-label={label}
      tabIndex={0}
      aria-activedescendant={
        activeItem !== undefined && clampedActive >= first && clampedActive < last
          ? `vrow-${getKey(activeItem)}`
          : undefined
      }
      onKeyDown={onKeyDown}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      // React applies `style` through the CSSOM, which the CSP's style-src 'self' allows (only style attributes in markup are blocked).
      style={{ height }}
    >
      <div className="vlist__spacer" style={{ height: items.length * rowHeight }}>
        <div className="vlist__window" style={{ transform: `translateY(${first * rowHeight}px)` }}>
          {rows}
        </div>
      </div>
    </div>
  );
}
