import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleGate } from '#plans/render/idle-gate.ts';

const IDLE_MS = 500;
const LONGEST_WAIT_MS = 10_000;

let gate: IdleGate;
/** What ran, in order. */
let ran: string[];

/** Asks the gate to run a piece of work that records `name` when it runs. */
function whenIdle(name: string): void {
	gate.whenIdle(() => ran.push(name));
}

beforeEach(() => {
	// The fake clock also moves `performance.now()`, which the gate reads; it starts at 0.
	vi.useFakeTimers();
	gate = new IdleGate({ idleMs: IDLE_MS, longestWaitMs: LONGEST_WAIT_MS });
	ran = [];
});

afterEach(() => {
	vi.useRealTimers();
});

describe('IdleGate', () => {
	it('runs work at once when no request has been answered for the idle time', () => {
		vi.advanceTimersByTime(IDLE_MS);
		whenIdle('draw');
		expect(ran).toEqual(['draw']);
		expect(vi.getTimerCount()).toBe(0);
	});

	it('counts the server idle from its start until a first request ends', () => {
		vi.advanceTimersByTime(200);
		whenIdle('draw');
		vi.advanceTimersByTime(IDLE_MS - 200 - 1);
		expect(ran).toEqual([]);
		vi.advanceTimersByTime(1);
		expect(ran).toEqual(['draw']);
	});

	it('holds work while a request is in flight, and runs it once none has been for the idle time', () => {
		vi.advanceTimersByTime(IDLE_MS);
		const answered = gate.requestStarted();
		whenIdle('draw');
		vi.advanceTimersByTime(2_200);
		expect(ran).toEqual([]);
		answered();
		vi.advanceTimersByTime(IDLE_MS - 1);
		expect(ran).toEqual([]);
		vi.advanceTimersByTime(1);
		expect(ran).toEqual(['draw']);
		expect(vi.getTimerCount()).toBe(0);
	});

	it('waits for every request in flight, and counts a request that ends twice once', () => {
		vi.advanceTimersByTime(IDLE_MS);
		const first = gate.requestStarted();
		const second = gate.requestStarted();
		whenIdle('draw');
		first();
		first();
		vi.advanceTimersByTime(3 * IDLE_MS);
		expect(ran).toEqual([]);
		second();
		vi.advanceTimersByTime(IDLE_MS);
		expect(ran).toEqual(['draw']);
	});

	it('waits again when a request comes in before the server has been idle long enough', () => {
		vi.advanceTimersByTime(IDLE_MS);
		gate.requestStarted()();
		whenIdle('draw');
		vi.advanceTimersByTime(300);
		gate.requestStarted()();
		vi.advanceTimersByTime(IDLE_MS - 1);
		expect(ran).toEqual([]);
		vi.advanceTimersByTime(1);
		expect(ran).toEqual(['draw']);
	});

	it('runs work that has waited the longest wait, however busy the server stays', () => {
		gate.requestStarted();
		whenIdle('draw');
		vi.advanceTimersByTime(LONGEST_WAIT_MS - 1);
		expect(ran).toEqual([]);
		vi.advanceTimersByTime(1);
		expect(ran).toEqual(['draw']);
	});

	it('runs the work waiting together and in order, counting the longest wait from the oldest, then counts anew', () => {
		gate.requestStarted();
		whenIdle('first');
		vi.advanceTimersByTime(4_000);
		whenIdle('second');
		expect(vi.getTimerCount()).toBe(1);
		vi.advanceTimersByTime(LONGEST_WAIT_MS - 4_000);
		expect(ran).toEqual(['first', 'second']);

		whenIdle('third');
		expect(ran).toEqual(['first', 'second']);
		vi.advanceTimersByTime(LONGEST_WAIT_MS - 1);
		expect(ran).toEqual(['first', 'second']);
		vi.advanceTimersByTime(1);
		expect(ran).toEqual(['first', 'second', 'third']);
	});

	it('does not keep the process alive while work waits', () => {
		const setTimeout = vi.spyOn(globalThis, 'setTimeout');
		gate.requestStarted();
		whenIdle('draw');
		const timer = setTimeout.mock.results[0]?.value as NodeJS.Timeout;
		expect(timer.hasRef()).toBe(false);
	});
});
