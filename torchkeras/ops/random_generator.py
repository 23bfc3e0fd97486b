"""``tf.random.Generator``: TF's stateful Philox generator, with TF's state and exact numbers.

The state is TF's: an int64 ``tf.Variable`` ``[counter_low, counter_high, key]`` (``StateVar``).
Each draw reads the state, advances its 128-bit counter by ``256 * number of outputs`` (TF's
``RngReadAndSkip``), and fills the output from the state read, as TF's stateless V2 ops do;
``binomial`` advances it as TF's ``StatefulRandomBinomial`` and runs TF's sampler
(``philox_samplers.py``), so every method gives TF's numbers.
"""

from __future__ import annotations

import enum
import os

import numpy as np
import torch

from ..api_export import tf_export
from ..framework import dtypes
from ..framework.convert import convert_to_tensor
from ..framework.tensor import TensorOperators, wrap
from ..framework.variable import Variable
from . import philox
from . import stateless_random_ops as _stateless
from ._args import shape_arg

__all__ = []

_STATE_SIZE = 3
_MASK64 = (1 << 64) - 1
_UNIFORM_OPS = (
    "StatelessRandomUniformFullIntV2",
    "StatelessRandomUniformIntV2",
    "StatelessRandomUniformV2",
)
_UNIFORM_DTYPES = (
    dtypes.float16,
    dtypes.bfloat16,
    dtypes.float32,
    dtypes.float64,
    dtypes.int32,
    dtypes.int64,
    dtypes.uint32,
    dtypes.uint64,
)


def _signed(value):
    value &= _MASK64
    return value - (1 << 64) if value >= (1 << 63) else value


def _state_from_seed(seed):
    """TF's ``create_rng_state(seed, "philox")``: an int seed is cut in 64-bit words (low first),
    an array seed cast to int64; then the first 3 words, zero-padded on the left."""
    if isinstance(seed, (int, np.integer)) and not isinstance(seed, bool):
        seed = int(seed)
        words = []
        for _ in range(_STATE_SIZE):
            words.append(_signed(seed & _MASK64))
            seed >>= 64
    else:
        words = _int64_words(seed)[:_STATE_SIZE]
    return [0] * (_STATE_SIZE - len(words)) + words


def _int64_words(value):
    if isinstance(value, TensorOperators):
        return [int(v) for v in value._value.reshape(-1).tolist()]
    array = np.asarray(value)
    if array.dtype.kind in "iu" or array.dtype == object:
        return [_signed(int(v)) for v in array.reshape(-1).tolist()]
    return [int(v) for v in array.astype(np.int64).reshape(-1).tolist()]


def _check_state(words):
    if len(words) != _STATE_SIZE:
        raise ValueError("Shapes (%d,) and [%d] are incompatible" % (len(words), _STATE_SIZE))
    return words


@tf_export("random.Algorithm", "random.experimental.Algorithm")
class Algorithm(enum.Enum):
    """``tf.random.Algorithm``: the RNG algorithm ids (only Philox runs in torchkeras;
    ``AUTO_SELECT`` picks it)."""

    PHILOX = 1
    THREEFRY = 2
    AUTO_SELECT = 3


def _algorithm_id(alg):
    """TF's algorithm id a generator reports: 3 for auto-select (which runs Philox), 1 for
    Philox; ThreeFry is refused."""
    _stateless.check_alg(alg)
    value = getattr(alg, "value", alg)
    return 3 if value in (3, "auto_select", "AUTO_SELECT") else 1


@tf_export("random.create_rng_state", "random.experimental.create_rng_state")
def create_rng_state(seed, alg):
    """``tf.random.create_rng_state``: the int64 Philox state TF makes from ``seed``."""
    _stateless.check_alg(alg)
    return convert_to_tensor(np.array(_state_from_seed(seed), dtype=np.int64))


@tf_export("random.Generator", "random.experimental.Generator")
class Generator:
    """``tf.random.Generator``: a Philox random stream whose state is an int64 Variable.

    ``Generator.from_seed(s)``, ``from_key_counter``, ``from_state`` and
    ``from_non_deterministic_state`` make one; ``normal``, ``uniform``,
    ``truncated_normal``, ``uniform_full_int`` draw TF's exact numbers and advance the
    state; ``make_seeds`` and ``split`` derive seeds and generators as TF does.
    """

    def __init__(self, copy_from=None, state=None, alg=None):
        if copy_from is not None:
            if state is not None or alg is not None:
                raise AssertionError()
            words = [int(v) for v in copy_from.state._value.tolist()]
            self._alg = copy_from.algorithm
        else:
            if state is None or alg is None:
                raise AssertionError()
            self._alg = _algorithm_id(alg)
            if isinstance(state, Variable):
                self._state_var = state
                return
            words = _check_state(_int64_words(state))
        self._state_var = Variable(
            np.array(words, dtype=np.int64), trainable=False, name="StateVar"
        )

    @classmethod
    def from_state(cls, state, alg):
        """A generator holding ``state`` (TF's Philox layout ``[counter_lo, counter_hi, key]``)."""
        return cls(state=state, alg=alg)

    @classmethod
    def from_seed(cls, seed, alg=None):
        """A generator whose state TF makes from ``seed`` (an int or a vector of ints)."""
        alg = 1 if alg is None else _algorithm_id(alg)
        return cls(state=_state_from_seed(seed), alg=alg)

    @classmethod
    def from_non_deterministic_state(cls, alg=None):
        """A generator with a state drawn from the operating system's entropy."""
        alg = 1 if alg is None else _algorithm_id(alg)
        words = np.frombuffer(os.urandom(8 * _STATE_SIZE), dtype=np.int64)
        return cls(state=words.copy(), alg=alg)

    @classmethod
    def from_key_counter(cls, key, counter, alg):
        """A generator with Philox ``key`` (a scalar) and ``counter`` (two int64 words)."""
        return cls(state=_key_counter_state(key, counter), alg=alg)

    def reset(self, state):
        """Replaces the state."""
        self._state_var.assign(np.array(_check_state(_int64_words(state)), dtype=np.int64))

    def reset_from_seed(self, seed):
        """Resets the state as ``from_seed(seed)`` makes it."""
        self._state_var.assign(np.array(_state_from_seed(seed), dtype=np.int64))

    def reset_from_key_counter(self, key, counter):
        """Resets the state from a Philox ``key`` and ``counter``."""
        self._state_var.assign(np.array(_key_counter_state(key, counter), dtype=np.int64))

    @property
    def state(self):
        """The int64 state Variable ``[counter_lo, counter_hi, key]``."""
        return self._state_var

    @property
    def algorithm(self):
        """The RNG algorithm's id (1: Philox)."""
        return self._alg

    @property
    def key(self):
        """The Philox key: the state's last word."""
        return self._state_var[-1]

    def skip(self, delta):
        """Advances the counter as ``delta`` outputs would (by ``256 * delta``); returns the
        state before the skip (TF's ``RngReadAndSkip``)."""
        return self._skip_blocks(int(delta) * 256)

    def _skip_blocks(self, blocks):
        """Advances the counter by ``blocks`` Philox blocks; returns the state before."""
        old = [int(v) for v in self._state_var._value.tolist()]
        counter = [
            old[0] & 0xFFFFFFFF,
            (old[0] >> 32) & 0xFFFFFFFF,
            old[1] & 0xFFFFFFFF,
            (old[1] >> 32) & 0xFFFFFFFF,
        ]
        new = philox.add_to_counter(counter, blocks)
        self._state_var.assign(
            np.array(
                [_signed(new[0] | new[1] << 32), _signed(new[2] | new[3] << 32), old[2]],
                dtype=np.int64,
            )
        )
        return wrap(torch.tensor(old, dtype=torch.int64))

    def _key_counter(self, shape, op):
        dims = shape_arg(shape, op, "")
        count = 1
        for d in dims:
            count *= d
        return self._reserve(256 * count)

    def _reserve(self, blocks):
        """The Philox key and counter of the state, which then advances by ``blocks``."""
        old = self._skip_blocks(blocks)._value.tolist()
        words = [w & _MASK64 for w in old]
        key = (words[2] & 0xFFFFFFFF, words[2] >> 32)
        counter = [words[0] & 0xFFFFFFFF, words[0] >> 32, words[1] & 0xFFFFFFFF, words[1] >> 32]
        return key, counter

    def normal(self, shape, mean=0.0, stddev=1.0, dtype=dtypes.float32, name=None):
        """TF's exact normal numbers from this stream (``rnd * stddev + mean``)."""
        dtype = _stateless._float_dtype(dtype)
        mean, stddev = convert_to_tensor(mean, dtype=dtype), convert_to_tensor(stddev, dtype=dtype)
        key, counter = self._key_counter(shape, "StatelessRandomNormalV2")
        return _stateless.scaled(
            "normal", shape, mean, stddev, dtype, key, counter, "StatelessRandomNormalV2"
        )

    def truncated_normal(self, shape, mean=0.0, stddev=1.0, dtype=dtypes.float32, name=None):
        """TF's exact truncated normal numbers (within two ``stddev``) from this stream."""
        dtype = _stateless._float_dtype(dtype)
        mean, stddev = convert_to_tensor(mean, dtype=dtype), convert_to_tensor(stddev, dtype=dtype)
        key, counter = self._key_counter(shape, "StatelessTruncatedNormalV2")
        return _stateless.scaled(
            "truncated_normal",
            shape,
            mean,
            stddev,
            dtype,
            key,
            counter,
            "StatelessTruncatedNormalV2",
        )

    def uniform(self, shape, minval=0, maxval=None, dtype=dtypes.float32, name=None):
        """TF's exact uniform numbers in ``[minval, maxval)`` (integers: both bounds, or neither
        for the full range)."""
        dtype = dtypes.as_dtype(dtype)
        if dtype.is_integer:
            if (minval is None) != (maxval is None):
                raise ValueError(
                    "For integer dtype {}, minval and maxval must be both `None` or "
                    "both non-`None`; got minval={} and maxval={}".format(
                        repr(dtype), minval, maxval
                    )
                )
        elif maxval is None:
            maxval = 1
        if dtype.is_integer and minval is None:
            return self.uniform_full_int(shape, dtype=dtype)
        minval = convert_to_tensor(minval, dtype=dtype)
        maxval = convert_to_tensor(maxval, dtype=dtype)
        key, counter = self._key_counter(shape, _UNIFORM_OPS[2])
        return _stateless.uniform_from(shape, dtype, minval, maxval, key, counter, _UNIFORM_OPS)

    def uniform_full_int(self, shape, dtype=dtypes.uint64, name=None):
        """TF's exact integers over the whole range of ``dtype`` (default uint64)."""
        dtype = dtypes.as_dtype(dtype)
        key, counter = self._key_counter(shape, _UNIFORM_OPS[0])
        return wrap(_stateless.draw("full_int", shape, dtype, key, counter, _UNIFORM_OPS[0]))

    def binomial(self, shape, counts, probs, dtype=dtypes.int32, name=None):
        """Binomial(``counts``, ``probs``) samples of ``shape`` (which must end with their
        broadcast shape): TF's numbers, and TF's advance of the state."""
        from .random_distribution_ops import generator_binomial

        counts = convert_to_tensor(counts)
        probs = convert_to_tensor(probs)
        return generator_binomial(shape, self._reserve, counts, probs, dtype)

    def make_seeds(self, count=1):
        """A ``[2, count]`` int64 tensor of seeds for the ``stateless_*`` ops (TF's: new keys
        drawn as ``uniform_full_int`` int64, paired with zeros)."""
        keys = self.uniform_full_int([count], dtype=dtypes.int64)._value
        return wrap(torch.stack([keys, torch.zeros_like(keys)]))

    def split(self, count=1):
        """``count`` new generators, each with a key drawn from this stream and a zero counter."""
        keys = self.uniform_full_int([count], dtype=dtypes.int64)._value.tolist()
        return [Generator(state=[0, 0, key], alg=self._alg) for key in keys]


def _key_counter_state(key, counter):
    counter_words = _int64_words(counter)
    key_words = _int64_words(key)
    if len(counter_words) != _STATE_SIZE - 1:
        raise ValueError(
            "Shapes (%d,) and (%d,) are incompatible" % (len(counter_words), _STATE_SIZE - 1)
        )
    if len(key_words) != 1 or np.ndim(key._value if isinstance(key, TensorOperators) else key):
        raise ValueError("Shapes %s and () are incompatible" % (np.shape(key),))
    return counter_words + key_words


_global_generator = {"value": None}


@tf_export("random.get_global_generator", "random.experimental.get_global_generator")
def get_global_generator():
    """``tf.random.get_global_generator``: the process-wide Generator (created on first use)."""
    if _global_generator["value"] is None:
        _global_generator["value"] = Generator.from_non_deterministic_state()
    return _global_generator["value"]


@tf_export("random.set_global_generator", "random.experimental.set_global_generator")
def set_global_generator(generator):
    """``tf.random.set_global_generator``: replaces the process-wide Generator."""
    _global_generator["value"] = generator
