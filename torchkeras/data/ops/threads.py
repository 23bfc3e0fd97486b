"""The threads behind ``prefetch``, parallel ``map`` and parallel ``interleave``.

``background(make_source, size)`` runs an iterator in a producer thread filling a
bounded buffer (TF's prefetch thread, autotuner included); ``parallel_map(fn, source,
workers, ordered)`` applies ``fn`` in a thread pool (torch ops release the GIL).  Closing
either (or dropping it) stops and joins its threads, and an exception raised in a thread
is re-raised in the consumer.
"""

from __future__ import annotations

import collections
import itertools
import threading
import time
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

from ._common import AUTOTUNE

THREAD_PREFIX = "tf.data"
_ITEM, _END, _ERROR = 0, 1, 2
# The deepest buffer the prefetch autotuner grows to (TF's grows within a RAM budget).
_AUTOTUNE_MAX = 16
# A parallel map task processes consecutive elements for about this long, so cheap
# functions are not swamped by the cost of handing each element to a thread.
_TASK_SECONDS = 0.002
_MAX_CHUNK = 64


def _close(source):
    close = getattr(source, "close", None)
    if close is not None:
        close()


class _Autotuner:
    """TF's ``PrefetchAutotuner`` for ``prefetch(tf.data.AUTOTUNE)``: the buffer limit starts
    at 1 and doubles (up to ``_AUTOTUNE_MAX``) whenever the consumer, having once found the
    buffer full, finds it empty; so a consumer slower than its input keeps one element
    waiting, as TF's does, and a faster one gets a deeper buffer."""

    __slots__ = ("limit", "_downswing")

    def __init__(self):
        self.limit = 1
        self._downswing = False

    def record(self, buffered):
        """Notes the number of elements waiting when the consumer asks for one."""
        if not self._downswing:
            self._downswing = buffered == self.limit
        elif buffered == 0:
            self.limit = min(2 * self.limit, _AUTOTUNE_MAX)
            self._downswing = False


class _Producer:
    """A daemon thread iterating ``make_source()`` into a buffer.  As TF's prefetch thread, it
    computes an element only when the buffer has room (``size`` elements, or the
    ``autotuner``'s limit), so it reads exactly that many elements ahead of the consumer."""

    def __init__(self, make_source, size, autotuner=None):
        self.buffer = collections.deque()
        self.ready = threading.Condition()
        self.size = size
        self.autotuner = autotuner
        self._stop = False
        self._thread = threading.Thread(
            target=self._run, args=(make_source,), name=THREAD_PREFIX + ".prefetch", daemon=True
        )
        self._thread.start()

    def _limit(self):
        return self.size if self.autotuner is None else self.autotuner.limit

    def _room(self):
        """Waits until the buffer has room; False once stopped."""
        ready, buffer = self.ready, self.buffer
        with ready:
            while not self._stop and len(buffer) >= self._limit():
                ready.wait()
            return not self._stop

    def _put(self, kind, value):
        with self.ready:
            self.buffer.append((kind, value))
            self.ready.notify_all()

    def _run(self, make_source):
        source = None
        try:
            source = make_source()
            while self._room():
                try:
                    element = next(source)
                except StopIteration:
                    self._put(_END, None)
                    return
                except Exception as error:  # noqa: BLE001 - handed over; reading goes on
                    self._put(_ERROR, error)
                    continue
                self._put(_ITEM, element)
        except BaseException as error:  # noqa: BLE001 - handed to the consumer
            self._put(_ERROR, error)
            self._put(_END, None)
        finally:
            if source is not None:
                _close(source)

    def get(self):
        """The next ``(kind, value)`` entry, waiting for the thread if none is ready."""
        ready, buffer, autotuner = self.ready, self.buffer, self.autotuner
        with ready:
            while not buffer:
                if autotuner is not None:
                    autotuner.record(0)
                ready.wait()
            if autotuner is not None:
                autotuner.record(len(buffer))
            entry = buffer.popleft()
            ready.notify_all()
            return entry

    def stop(self):
        """Stops the thread (after the element it is computing) and joins it."""
        with self.ready:
            self._stop = True
            self.ready.notify_all()
        self._thread.join()


class _Background:
    """The consumer's side of a :class:`_Producer`: an iterator that, as TF's prefetch, goes
    on after an error (the thread keeps reading; a source that cannot resume ends).  Closing
    it, or dropping it, stops and joins the thread."""

    __slots__ = ("_producer", "__weakref__")

    def __init__(self, producer):
        self._producer = producer

    def __iter__(self):
        return self

    def __next__(self):
        producer = self._producer
        if producer is None:
            raise StopIteration
        kind, value = producer.get()
        if kind == _ITEM:
            return value
        if kind == _END:
            self.close()
            raise StopIteration
        raise value

    def close(self):
        """Stops the thread (after the element it is computing) and joins it."""
        producer, self._producer = self._producer, None
        if producer is not None:
            producer.stop()

    def __del__(self):
        self.close()


def background(make_source, size):
    """``make_source()``'s elements, computed ahead in a thread: ``size`` elements, or as many
    as TF's autotuner would buffer when ``size`` is ``AUTOTUNE`` (-1)."""
    if size == AUTOTUNE:
        return _Background(_Producer(make_source, None, _Autotuner()))
    return _Background(_Producer(make_source, max(int(size), 1)))


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
