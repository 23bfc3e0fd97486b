"""The threads behind ``prefetch``, parallel ``map`` and parallel ``interleave``.

``background(make_source, size)`` runs an iterator in a producer thread filling a
bounded queue; ``parallel_map(fn, source, workers, ordered)`` applies ``fn`` in a
thread pool (torch ops release the GIL).  Both are generators: closing one (or
dropping it) stops and joins its threads, and an exception raised in a thread is
re-raised in the consumer.
"""

from __future__ import annotations

import collections
import itertools
import queue
import threading
import time
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

THREAD_PREFIX = "tf.data"
_ITEM, _END, _ERROR = 0, 1, 2
# A parallel map task processes consecutive elements for about this long, so cheap
# functions are not swamped by the cost of handing each element to a thread.
_TASK_SECONDS = 0.002
_MAX_CHUNK = 64


def _close(source):
    close = getattr(source, "close", None)
    if close is not None:
        close()


class _Producer:
    """A daemon thread iterating ``make_source()`` into a queue of ``size`` entries."""

    def __init__(self, make_source, size):
        self.queue = queue.Queue(maxsize=size)
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._run, args=(make_source,), name=THREAD_PREFIX + ".prefetch", daemon=True
        )
        self._thread.start()

    def _run(self, make_source):
        put, stop = self.queue.put, self._stop
        source = None
        try:
            source = make_source()
            for element in source:
                put((_ITEM, element))
                if stop.is_set():
                    return
            put((_END, None))
        except BaseException as error:  # noqa: BLE001 - handed to the consumer
            if not stop.is_set():
                put((_ERROR, error))
        finally:
            if source is not None:
                _close(source)

    def stop(self):
        """Stops the thread (unblocking it by draining the queue) and joins it."""
        self._stop.set()
        while self._thread.is_alive():
            try:
                while True:
                    self.queue.get_nowait()
            except queue.Empty:
                pass
            self._thread.join(0.01)


def background(make_source, size):
    """Yields ``make_source()``'s elements, computed ahead in a thread (at most ``size``
    waiting)."""
    producer = _Producer(make_source, max(int(size), 1))
    get = producer.queue.get
    try:
        while True:
            kind, value = get()
            if kind == _ITEM:
                yield value
            elif kind == _END:
                return
            else:
                raise value
    finally:
        producer.stop()


def _run_chunk(fn, elements):
    start = time.perf_counter()
    results = []
    try:
        for element in elements:
            results.append(fn(element))
    except Exception as error:  # noqa: BLE001 - re-raised in order by the consumer
        return results, 0.0, error
    return results, (time.perf_counter() - start) / len(elements), None


def parallel_map(fn, source, workers, ordered=True):
    """Yields ``fn(element)`` for each element of ``source``, ``workers`` calls at a time.

    ``ordered``: in the input's order (TF's ``deterministic=True``); otherwise as soon as
    ready.  Cheap functions are applied to runs of consecutive elements per task.
    """
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix=THREAD_PREFIX + ".map")
    pending = collections.deque()
    chunk, limit, exhausted = 1, 2 * workers, False
    try:
        while True:
            while not exhausted and len(pending) < limit:
                elements = list(itertools.islice(source, chunk))
                exhausted = len(elements) < chunk
                if elements:
                    pending.append(pool.submit(_run_chunk, fn, elements))
            if not pending:
                return
            if ordered:
                future = pending.popleft()
            else:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                future = next(f for f in pending if f in done)
                pending.remove(future)
            results, per_element, error = future.result()
            yield from results
            if error is not None:
                raise error
            if per_element > 0:
                chunk = max(1, min(_MAX_CHUNK, int(_TASK_SECONDS / per_element)))
    finally:
        for future in pending:
            future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)
        _close(source)
