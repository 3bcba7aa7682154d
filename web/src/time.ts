/**
 * Times as the desk shows them: instants in the browser's zone, and how long a hold has left.
 * @module
 */
import { useEffect, useState } from 'react';

const DATE_TIME = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

export function formatInstant(instant: string | null | undefined): string {
  return instant === null || instant === undefined ? '—' : DATE_TIME.format(new Date(instant));
}

/** "3 h 12 min", "45 min", "2 d 4 h": to the minute, which is what a clerk acts on. */
export function formatDuration(milliseconds: number): string {
  const minutes = Math.floor(Math.abs(milliseconds) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return `${String(days)} d ${String(hours)} h`;
  if (hours > 0) return `${String(hours)} h ${String(rest)} min`;
  return `${String(rest)} min`;
}

/** The current time, moving on every `everyMs`, so countdowns count down while a page is open. */
export function useNow(everyMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => {
      setNow(Date.now());
    }, everyMs);
    return () => {
      clearInterval(timer);
    };
  }, [everyMs]);
  return now;
}
