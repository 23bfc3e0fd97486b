"""How far iterating a dataset reads its source ahead of the consumer, against real TF.

TF's optimizer injects a ``prefetch`` at the end of an iterated pipeline, so a generator's
side effects run one element ahead (``Dataset._reads_ahead``, ``_ReadAhead``); an
explicit ``prefetch(n)`` reads ``n`` ahead (``threads.background``).  Each case lists what
TF 2.21 does as ``(element, times the source was pulled once the element is handed out)``
pairs, the source's end counting 100: torchkeras must give the same, and so must TF where
it is installed (its prefetch thread races the consumer, so each step waits until the
count reaches the expected one, then a little longer for any read too many).
"""

import time

import numpy as np
import pytest

import torchkeras

_END = 100
_SETTLE = 0.03


def _settle(count, target):
    deadline = time.monotonic() + 3
    while count[0] < target and time.monotonic() < deadline:
        time.sleep(0.002)
    time.sleep(_SETTLE)


def _source(tf, count, size=6, bad=()):
    def gen():
        for index in range(size):
            count[0] += 1
            yield "a" if index in bad else index
        count[0] += _END

    return tf.data.Dataset.from_generator(gen, output_signature=tf.TensorSpec([], tf.int32))


def _trace(tf, build, expected, size=6, bad=()):
    """``(element, count)`` per step of ``for x in build(tf, source)``, then ``("end",
    count)``; an error is recorded by its class name and ends the loop, as ``for`` does."""
    count = [0]
    elements = iter(build(tf, _source(tf, count, size, bad)))
    trace = []
    while True:
        try:
            item = np.asarray(next(elements)).tolist()
        except StopIteration:
            break
        except Exception as error:  # noqa: BLE001 - the class is the outcome compared
            item = type(error).__name__
        _settle(count, expected[min(len(trace), len(expected) - 1)][1])
        trace.append((item, count[0]))
        if isinstance(item, str):
            break
    _settle(count, expected[-1][1])
    return trace + [("end", count[0])]


def _options(**settings):
    def build(tf, dataset):
        options = tf.data.Options()
        for path, value in settings.items():
            group, name = path.split("__")
            setattr(getattr(options, group), name, value)
        return dataset.with_options(options)

    return build


def _ahead(steps, last=6 + _END):
    """A trace of 6 elements, each handed out after ``k + 1 + steps`` pulls (capped)."""
    pairs = [(k, k + 1 + steps if k + 1 + steps <= 6 else last) for k in range(6)]
    return pairs + [("end", last)]


CASES = {
    "plain": (lambda tf, ds: ds, _ahead(1)),
    "as_numpy_iterator": (lambda tf, ds: ds.as_numpy_iterator(), _ahead(1)),
    "inject_prefetch_off": (
        _options(experimental_optimization__inject_prefetch=False),
        _ahead(0),
    ),
    "default_optimizations_off": (
        _options(experimental_optimization__apply_default_optimizations=False),
        _ahead(0),
    ),
    "autotune_off": (_options(autotune__enabled=False), _ahead(0)),
    "take_2": (lambda tf, ds: ds.take(2), [(0, 2), (1, 2), ("end", 2)]),
    "take_3": (lambda tf, ds: ds.take(3), [(0, 2), (1, 3), (2, 3), ("end", 3)]),
    "skip_3": (lambda tf, ds: ds.skip(3), [(3, 5), (4, 6), (5, 106), ("end", 106)]),
    "batch_2": (
        lambda tf, ds: ds.batch(2),
        [([0, 1], 4), ([2, 3], 6), ([4, 5], 106), ("end", 106)],
    ),
    "parallel_batch_1": (
        lambda tf, ds: ds.batch(2, num_parallel_calls=1),
        [([0, 1], 4), ([2, 3], 6), ([4, 5], 106), ("end", 106)],
    ),
    "parallel_batch_2": (
        lambda tf, ds: ds.batch(2, num_parallel_calls=2),
        [([0, 1], 6), ([2, 3], 106), ([4, 5], 106), ("end", 106)],
    ),
    "batch_unbatch": (
        lambda tf, ds: ds.batch(2).unbatch(),
        [(0, 2), (1, 4), (2, 4), (3, 6), (4, 6), (5, 106), ("end", 106)],
    ),
    "filter": (
        lambda tf, ds: ds.filter(lambda x: x % 2 == 0),
        [(0, 3), (2, 5), (4, 106), ("end", 106)],
    ),
    "stateful_map": (
        lambda tf, ds: ds.map(lambda x: tf.py_function(lambda y: y * 2, [x], tf.int32)),
        [(2 * k, c) for k, c in _ahead(1)[:-1]] + [("end", 106)],
    ),
    "repeat": (
        lambda tf, ds: ds.take(3).repeat(2),
        [(0, 2), (1, 3), (2, 4), (0, 5), (1, 6), (2, 6), ("end", 6)],
    ),
    "cache": (lambda tf, ds: ds.cache(), _ahead(1)),
    "prefetch_0": (lambda tf, ds: ds.prefetch(0), _ahead(0)),
    "prefetch_0_then_take": (lambda tf, ds: ds.prefetch(0).take(6), _ahead(1, 6)),
    "prefetch_1": (lambda tf, ds: ds.prefetch(1), _ahead(1)),
    "prefetch_3": (lambda tf, ds: ds.prefetch(3), _ahead(3)),
    "prefetch_autotune": (lambda tf, ds: ds.prefetch(tf.data.AUTOTUNE), _ahead(1)),
    "prefetch_2_then_take": (
        lambda tf, ds: ds.prefetch(2).take(3),
        [(0, 4), (1, 5), (2, 5), ("end", 5)],
    ),
    "prefetch_1_then_stateful_map": (
        lambda tf, ds: ds.prefetch(1).map(lambda x: tf.py_function(lambda y: y * 2, [x], tf.int32)),
        [(2 * k, c) for k, c in _ahead(2)[:-1]] + [("end", 106)],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_source_is_read_ahead_as_tf_reads_it(name):
    build, expected = CASES[name]
    assert _trace(torchkeras, build, expected) == expected
    tf_real = pytest.importorskip("tensorflow")
    assert _trace(tf_real, build, expected) == expected


ERROR_CASES = {
    # After handing out the failing element, the read-ahead goes on past it.
    "plain": (lambda tf, ds: ds, 6, [(0, 2), ("InvalidArgumentError", 3), ("end", 3)]),
    "error_last": (lambda tf, ds: ds, 2, [(0, 2), ("InvalidArgumentError", 102), ("end", 102)]),
    "inject_prefetch_off": (
        _options(experimental_optimization__inject_prefetch=False),
        6,
        [(0, 1), ("InvalidArgumentError", 2), ("end", 2)],
    ),
    "prefetch_3": (
        lambda tf, ds: ds.prefetch(3),
        6,
        [(0, 4), ("InvalidArgumentError", 5), ("end", 5)],
    ),
}


@pytest.mark.parametrize("name", sorted(ERROR_CASES))
def test_read_ahead_goes_on_past_an_error_as_tf(name):
    build, size, expected = ERROR_CASES[name]
    assert _trace(torchkeras, build, expected, size, bad={1}) == expected
    tf_real = pytest.importorskip("tensorflow")
    assert _trace(tf_real, build, expected, size, bad={1}) == expected


def _steps(tf):
    """``iter`` and ``next`` by hand: nothing is read before the first ``next``, the iterator
    goes on after a generator's failing element, and a ``break`` reads nothing more."""
    count = [0]
    elements = iter(_source(tf, count, bad={1}))
    _settle(count, 0)
    seen = [count[0]]
    for _ in range(4):
        try:
            seen.append(int(next(elements)))
        except Exception as error:  # noqa: BLE001 - the class is the outcome compared
            seen.append(type(error).__name__)
        _settle(count, seen[-1] + 2 if isinstance(seen[-1], int) else 3)
        seen.append(count[0])
    del elements
    _settle(count, 0)
    return seen + [count[0]]


def test_iterator_reads_ahead_only_once_asked_and_resumes_after_an_error():
    expected = [0, 0, 2, "InvalidArgumentError", 3, 2, 4, 3, 5, 5]
    assert _steps(torchkeras) == expected
    tf_real = pytest.importorskip("tensorflow")
    assert _steps(tf_real) == expected


def _variable_case(tf):
    """The bad-input case: TF's read-ahead runs the generator to its end past the error (the
    iterator is kept alive while TF's thread catches up: a dropped one stops it, a race)."""
    v = tf.Variable(0)

    def gen():
        v.assign_add(1)
        yield 1
        v.assign_add(1)
        yield "a"
        v.assign_add(1)

    out = []
    dataset = tf.data.Dataset.from_generator(gen, output_signature=tf.TensorSpec([], tf.int32))
    elements = iter(dataset)
    with pytest.raises(tf.errors.InvalidArgumentError, match="could not be converted"):
        for x in elements:
            out.append(int(x))
    deadline = time.monotonic() + 3
    while int(v.numpy()) < 3 and time.monotonic() < deadline:
        time.sleep(0.002)
    time.sleep(_SETTLE)
    return int(v.numpy()), out


def test_generator_side_effects_run_past_the_failing_element():
    assert _variable_case(torchkeras) == (3, [1])
    tf_real = pytest.importorskip("tensorflow")
    assert _variable_case(tf_real) == (3, [1])


def _reduce_and_ignore_errors(tf):
    """``reduce`` reads ahead as ``for`` does (TF injects its prefetch there too), and
    ``ignore_errors`` drops a generator's failing element and goes on."""
    count, seen = [0], []

    def look(x):
        _settle(count, int(x) + 2 if int(x) < 5 else 6 + _END)
        seen.append((int(x), count[0]))
        return x

    total = _source(tf, count).reduce(
        tf.constant(0), lambda state, x: state + tf.py_function(look, [x], tf.int32)
    )
    kept = [int(x) for x in _source(tf, count, size=4, bad={1}).ignore_errors()]
    mapped = [
        int(x) for x in _source(tf, count, size=4, bad={2}).map(lambda x: x + 1).ignore_errors()
    ]
    return int(total), seen, kept, mapped


def test_reduce_reads_ahead_and_ignore_errors_resumes_a_generator():
    expected = (15, [(k, k + 2) for k in range(5)] + [(5, 6 + _END)], [0, 2, 3], [1, 2, 4])
    assert _reduce_and_ignore_errors(torchkeras) == expected
    tf_real = pytest.importorskip("tensorflow")
    assert _reduce_and_ignore_errors(tf_real) == expected


def test_shuffle_reads_its_buffer_and_no_further():
    def counts(tf, buffer_size):
        expected = [(None, c) for c in (4, 5, 6, 106, 106, 106)] + [("end", 106)]
        trace = _trace(tf, lambda tf, ds: ds.shuffle(buffer_size, seed=1), expected)
        return sorted(v for v, _ in trace[:-1]), [c for _, c in trace]

    expected = (list(range(6)), [4, 5, 6, 106, 106, 106, 106])
    assert counts(torchkeras, 3) == expected
    tf_real = pytest.importorskip("tensorflow")
    assert counts(tf_real, 3) == expected
