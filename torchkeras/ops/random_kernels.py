"""TF's seed rules and the Philox streams of its stateful random kernels.

TF's eager ``tf.random.normal(..., seed=s)`` runs a kernel with attributes ``seed`` and
``seed2`` from ``random_seed.get_seed``: the global seed (or 87654321 without one) and the op
seed, each reduced modulo ``2**31 - 1``; without an op seed, after ``tf.random.set_seed(g)``
the op seed is the next ``random.Random(g).randint(0, 2**31 - 1)``.  The kernel (cached per op,
attributes and device) holds a ``GuardedPhiloxRandom`` keyed ``(seed, seed2)``: key words
``seed``, counter words ``[0, 0, seed2 low, seed2 high]``; each call reserves a number of
128-bit blocks (``256 * outputs`` for the plain samplers) and draws from the counter it had.
``tf.random.set_seed`` clears the kernels, so the streams restart.  Without any seed the
streams start from entropy.  A stream's position (the counter's low 64 bits) is an int64
tensor advanced in place, so a ``tf.function`` trace that draws from it advances it on each
replay, as TF's kernel does.
"""

from __future__ import annotations

import os
import random

import torch
from torch.fx.experimental.proxy_tensor import disable_proxy_modes_tracing

from ..framework.global_state import PROCESS

__all__ = ["get_seed", "reserve", "reset"]

DEFAULT_GRAPH_SEED = 87654321
_MAXINT32 = 2**31 - 1
_MASK = 0xFFFFFFFF


def reset(seed):
    """Forgets every kernel's stream; ``seed`` (an int or ``None``) is the new global seed."""
    PROCESS.random_kernels = {}
    PROCESS.op_seed_rng = None if seed is None else random.Random(seed)


def get_seed(global_seed, op_seed):
    """TF's eager ``random_seed.get_seed``: the kernel's ``(seed, seed2)`` attributes
    (``(0, 0)`` when neither seed is set)."""
    if global_seed is not None:
        if op_seed is None:
            rng = PROCESS.op_seed_rng
            if rng is None:
                rng = PROCESS.op_seed_rng = random.Random(global_seed)
            op_seed = rng.randint(0, _MAXINT32)
        seeds = global_seed % _MAXINT32, int(op_seed) % _MAXINT32
    elif op_seed is not None:
        seeds = DEFAULT_GRAPH_SEED, int(op_seed) % _MAXINT32
    else:
        return 0, 0
    return (0, _MAXINT32) if seeds == (0, 0) else seeds


def reserve(opname, attrs, seeds, device, blocks):
    """The Philox ``(key, counter)`` a call of kernel ``opname`` (with ``attrs``, seeded
    ``seeds``) on ``device`` draws from, after which its stream skips ``blocks`` blocks."""
    streams = PROCESS.random_kernels
    cache_key = (opname, attrs, seeds, str(device))
    state = streams.get(cache_key)
    if state is None:
        seed, seed2 = seeds
        if seed == 0 and seed2 == 0:
            seed, seed2 = (int.from_bytes(os.urandom(8), "little") for _ in range(2))
        with disable_proxy_modes_tracing():  # state outside any trace, captured by reference
            position = torch.zeros((), dtype=torch.int64, device=device)
        high = [seed2 & _MASK, (seed2 >> 32) & _MASK]
        state = streams[cache_key] = ((seed & _MASK, (seed >> 32) & _MASK), position, high)
    key, position, high = state
    start = position.clone()
    position.add_(blocks)
    return key, [start & _MASK, (start >> 32) & _MASK] + high
