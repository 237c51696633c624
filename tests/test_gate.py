"""The database gate: no more requests under way than connections; on SQLite one writer."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

from app.db import RequestGate


def _most_at_once(gate: RequestGate, *, writes: list[bool]) -> tuple[int, int]:
    """Run one task per entry of ``writes``; the most admitted, and writing, at one moment."""
    inside = writing = most_inside = most_writing = 0

    async def request(writes_here: bool) -> None:
        nonlocal inside, writing, most_inside, most_writing
        async with gate.admit(writes=writes_here):
            inside += 1
            writing += writes_here
            most_inside, most_writing = max(most_inside, inside), max(most_writing, writing)
            await asyncio.sleep(0.001)
            inside -= 1
            writing -= writes_here

    async def everyone() -> None:
        await asyncio.gather(*(request(w) for w in writes))

    # A loop of its own in a thread: the browser tests leave one running in this thread.
    with ThreadPoolExecutor(max_workers=1) as thread:
        thread.submit(asyncio.run, everyone()).result()
    return most_inside, most_writing


def test_no_more_requests_are_admitted_than_the_pool_has_connections() -> None:
    gate = RequestGate(capacity=3, serialize_writes=False)
    assert _most_at_once(gate, writes=[False] * 20 + [True] * 20) == (3, 3)


def test_on_sqlite_writers_pass_one_at_a_time_while_readers_go_on() -> None:
    gate = RequestGate(capacity=5, serialize_writes=True)
    most_inside, most_writing = _most_at_once(gate, writes=[True, False] * 10)
    assert most_writing == 1
    assert most_inside > 1


def test_a_gate_works_in_every_event_loop() -> None:
    gate = RequestGate(capacity=1, serialize_writes=True)
    for _ in range(3):
        assert _most_at_once(gate, writes=[True, False]) == (1, 1)
