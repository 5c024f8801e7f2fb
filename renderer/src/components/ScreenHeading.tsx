import { useEffect, useRef, type ReactNode } from 'react';

/** The screen's h1; it takes focus when the screen opens so keyboard and screen-reader users land on it. */
export function ScreenHeading({ children, focusKey }: { readonly children: ReactNode; readonly focusKey?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: false });
  }, [focusKey]);
  return (
    <h1 id="screen-title" ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
