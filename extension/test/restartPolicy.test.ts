import { describe, expect, it } from 'vitest';
import { CrashWindow } from '../src/restartPolicy';

describe('CrashWindow', () => {
  it('restarts up to the limit within the window, then gives up', () => {
    const crashes = new CrashWindow(4, 180_000);
    const decisions = [0, 1000, 2000, 3000, 4000].map((t) => crashes.record(t));
    expect(decisions.map((d) => d.restart)).toEqual([true, true, true, true, false]);
    expect(decisions[4].crashes).toBe(5);
  });

  it('forgets crashes older than the window', () => {
    const crashes = new CrashWindow(2, 60_000);
    crashes.record(0);
    crashes.record(10_000);
    expect(crashes.record(20_000).restart).toBe(false);
    expect(crashes.record(75_000)).toEqual({ restart: true, crashes: 2 });
  });

  it('starts over after a manual restart', () => {
    const crashes = new CrashWindow(1, 60_000);
    crashes.record(0);
    expect(crashes.record(1).restart).toBe(false);
    crashes.reset();
    expect(crashes.record(2).restart).toBe(true);
  });
});
