"""prefetch / parallel map / parallel interleave threads (torchkeras/data/ops/threads.py):
real overlap, TF's order, errors reaching the consumer, and no thread left behind.

Every test is bounded in time (``pytest`` would hang otherwise, so each waits with a
deadline) and checks that the ``tf.data`` threads it started are gone."""

import gc
import threading
import time

import pytest

import torchkeras as tf
from torchkeras.data.ops import threads


def _data_threads():
    return [t for t in threading.enumerate() if t.name.startswith("tf.data")]


@pytest.fixture(autouse=True)
def no_leaked_threads():
    before = set(_data_threads())
    yield
    gc.collect()
    deadline = time.monotonic() + 5
    while set(_data_threads()) - before and time.monotonic() < deadline:
        time.sleep(0.01)
    assert set(_data_threads()) - before == set()


def _slow(seconds):
    def sleep(x):
        time.sleep(seconds)
        return x

    return sleep


def test_prefetch_overlaps_producer_and_consumer():
    dataset = tf.data.Dataset.range(10).map(_slow(0.04)).prefetch(2)
    start = time.monotonic()
    for _ in dataset:
        time.sleep(0.04)
    elapsed = time.monotonic() - start
    # Sequential would take 10 * (0.04 + 0.04) = 0.8 s; overlapped about 0.44 s.
    assert elapsed < 0.7


def test_prefetch_runs_the_input_in_a_background_thread():
    names = []

    def record(x):
        names.append(threading.current_thread().name)
        return x

    assert [int(v) for v in tf.data.Dataset.range(3).map(record).prefetch(1)] == [0, 1, 2]
    assert names and all(name.startswith("tf.data.prefetch") for name in names)


def test_dropping_a_prefetch_iterator_stops_its_thread():
    iterator = iter(tf.data.Dataset.range(10).repeat().prefetch(3))
    assert int(next(iterator)) == 0 and len(_data_threads()) >= 1
    del iterator  # the fixture checks the thread is gone


def test_take_of_an_endless_prefetched_parallel_map_ends():
    dataset = tf.data.Dataset.range(5).repeat().map(lambda x: x + 1, num_parallel_calls=3)
    assert [int(v) for v in dataset.prefetch(2).take(7)] == [1, 2, 3, 4, 5, 1, 2]


def test_prefetch_reraises_the_producer_error_after_the_elements_before_it():
    def generator():
        yield 1
        yield 2
        raise KeyError("boom")

    dataset = tf.data.Dataset.from_generator(generator, output_types=tf.int32).prefetch(4)
    seen = []
    with pytest.raises(tf.errors.UnknownError, match="KeyError: 'boom'"):
        for value in dataset:
            seen.append(int(value))
    assert seen == [1, 2]


def test_prefetch_autotuner_grows_as_tfs():
    """TF's ``PrefetchAutotuner``: the limit doubles when the consumer, after once finding the
    buffer full, finds it empty (so a slow consumer keeps a buffer of one)."""
    tuner = threads._Autotuner()
    limits = []
    for buffered in (0, 1, 1, 0, 0, 2, 1, 0, 4, 0, 8, 0, 16, 0):
        tuner.record(buffered)
        limits.append(tuner.limit)
    assert limits == [1, 1, 1, 2, 2, 2, 2, 4, 4, 8, 8, 16, 16, 16]


def _after_an_error(tf_module):
    def generator():
        yield from (0, "a", 2, 3)

    dataset = tf_module.data.Dataset.from_generator(
        generator, output_signature=tf_module.TensorSpec([], tf_module.int32)
    )
    elements, seen = iter(dataset.prefetch(2)), []
    for _ in range(5):
        try:
            seen.append(int(next(elements)))
        except StopIteration:
            seen.append("end")
        except tf_module.errors.InvalidArgumentError:
            seen.append("error")
    return seen


def test_prefetch_goes_on_after_an_error_as_tf():
    assert _after_an_error(tf) == [0, "error", 2, 3, "end"]
    tf_real = pytest.importorskip("tensorflow")
    assert _after_an_error(tf_real) == [0, "error", 2, 3, "end"]


def test_parallel_map_runs_calls_concurrently():
    names = set()

    def work(x):
        names.add(threading.current_thread().name)
        time.sleep(0.05)
        return x

    start = time.monotonic()
    values = [int(v) for v in tf.data.Dataset.range(8).map(work, num_parallel_calls=4)]
    elapsed = time.monotonic() - start
    assert values == list(range(8))
    # One at a time: 8 * 0.05 = 0.4 s; four at a time about 0.1 s.
    assert elapsed < 0.3
    assert len(names) > 1 and all(name.startswith("tf.data.map") for name in names)


def _first_is_slow(x):
    time.sleep(0.3 if int(x) == 0 else 0.0)
    return x


def test_parallel_map_keeps_the_input_order_by_default():
    dataset = tf.data.Dataset.range(6).map(_first_is_slow, num_parallel_calls=3)
    assert [int(v) for v in dataset] == list(range(6))


def test_parallel_map_not_deterministic_emits_ready_elements_first():
    dataset = tf.data.Dataset.range(6).map(
        _first_is_slow, num_parallel_calls=3, deterministic=False
    )
    values = [int(v) for v in dataset]
    assert sorted(values) == list(range(6)) and values[0] != 0


def test_options_deterministic_false_reaches_the_parallel_map():
    options = tf.data.Options()
    options.deterministic = False
    dataset = (
        tf.data.Dataset.range(6)
        .map(_first_is_slow, num_parallel_calls=3)
        .prefetch(1)
        .with_options(options)
    )
    values = [int(v) for v in dataset]
    assert sorted(values) == list(range(6)) and values[0] != 0


def test_parallel_map_error_reaches_the_consumer_in_order():
    def fail_at_three(x):
        if int(x) == 3:
            raise ValueError("element three")
        return x

    seen = []
    with pytest.raises(ValueError, match="element three"):
        for value in tf.data.Dataset.range(10).map(fail_at_three, num_parallel_calls=2):
            seen.append(int(value))
    assert seen == [0, 1, 2]


def test_parallel_interleave_iterates_its_inputs_in_threads():
    names = set()

    def expand(x):
        def record(v):
            names.add(threading.current_thread().name)
            return v

        return tf.data.Dataset.range(3).map(record)

    dataset = tf.data.Dataset.range(2).interleave(expand, cycle_length=2, num_parallel_calls=2)
    assert [int(v) for v in dataset] == [0, 0, 1, 1, 2, 2]
    assert names and all(name.startswith("tf.data") for name in names)


def test_num_parallel_calls_must_be_positive_or_autotune():
    with pytest.raises(tf.errors.InvalidArgumentError, match="num_parallel_calls must be greater"):
        tf.data.Dataset.range(3).map(lambda x: x, num_parallel_calls=0)
