"""``rejection_resample``: TF's resampler towards a target class distribution.

As TF: elements of class ``i`` are accepted with probability
``a_i = (r_i - m) / (max(r) - m)`` where ``r = target / initial`` and
``m = min(r)``, and each output element comes from the unfiltered input with
probability ``m`` (``sample_from_datasets`` of the two, stopping when either
ends).  Without ``initial_dist`` the class distribution is estimated as the
data flows (counts start at 10 per class, updated every 32 elements).  The
random draws come from NumPy's generator, so a seeded run differs from TF's.
"""

from __future__ import annotations

import numpy as np
import torch

from ...framework.convert import convert_to_tensor
from ...framework.tensor import TensorOperators
from .. import structure
from ..dataset_ops import UnaryDataset
from . import _common as c
from . import threads
from .interleave import _DirectedInterleaveDataset, _WeightedSelector

_ESTIMATION_BATCH = 32
_SMOOTHING = 10


def _mixing(initial, target):
    ratio = target / (initial + np.finfo(np.float32).tiny)
    low, high = ratio.min(), ratio.max()
    with np.errstate(divide="ignore", invalid="ignore"):
        accept = (ratio - low) / (high - low)
    return accept.astype(np.float32), float(low)


def _class_of(class_func, element):
    value = c.call(class_func, element)
    return value._value if isinstance(value, TensorOperators) else convert_to_tensor(value)._value


class _WithClassDataset(UnaryDataset):
    """``(class_func(element), element)`` pairs."""

    _type_name = "_MapDataset"

    def __init__(self, input_dataset, class_func):
        super().__init__(input_dataset)
        self._class_func = class_func

    def _iterate(self):
        for element in self._input._iterate():
            yield _class_of(self._class_func, element).cpu(), element

    def _spec(self):
        source = self._input._iterate()
        for element in source:
            threads._close(source)
            return c.spec_of(_class_of(self._class_func, element)), self._input._spec()
        raise ValueError("Cannot compute the element_spec of a resample of an empty dataset.")


class _Distributions:
    """Per element: the acceptance probabilities and the probability of the original."""

    def __init__(self, dataset, class_func, target, initial):
        self._dataset, self._class_func = dataset, class_func
        self._target, self._initial = target, initial

    def __iter__(self):
        if self._initial is not None:
            fixed = _mixing(self._initial, self._target)
            while True:
                yield fixed
        counts = np.full(len(self._target), _SMOOTHING, np.int64)
        batch = []
        for element in self._dataset._iterate():
            batch.append(int(_class_of(self._class_func, element)))
            if len(batch) == _ESTIMATION_BATCH:
                yield from self._estimate(counts, batch)
                batch = []
        if batch:
            yield from self._estimate(counts, batch)

    def _estimate(self, counts, batch):
        counts += np.bincount(batch, minlength=len(counts))[: len(counts)]
        mixing = _mixing((counts / counts.sum()).astype(np.float32), self._target)
        return [mixing] * len(batch)


class _RejectionFilterDataset(_WithClassDataset):
    _type_name = "_MapDataset"

    def __init__(self, input_dataset, class_func, distributions, seed):
        super().__init__(input_dataset, class_func)
        self._distributions = distributions
        self._seed = seed

    def _iterate(self):
        rng = np.random.default_rng(self._seed)
        for (label, element), (accept, _) in zip(super()._iterate(), self._distributions):
            if rng.random() < accept[int(label)]:
                yield label, element


class _OriginalProbability(UnaryDataset):
    """The per-element ``[m, 1 - m]`` mixing weights as a dataset (the selector's input)."""

    def __init__(self, input_dataset, distributions):
        super().__init__(input_dataset)
        self._distributions = distributions

    def _iterate(self):
        for _, original in self._distributions:
            yield torch.tensor([original, 1.0 - original])


def rejection_resample(dataset, class_func, target_dist, initial_dist=None, seed=None):
    """``Dataset.rejection_resample``: ``(class, element)`` pairs resampled towards
    ``target_dist`` (see the module docstring)."""
    target = np.asarray(structure.to_numpy(c.on_cpu(target_dist)), np.float32)
    initial = None
    if initial_dist is not None:
        initial = np.asarray(structure.to_numpy(c.on_cpu(initial_dist)), np.float32)
    distributions = _Distributions(dataset, class_func, target, initial)
    with_class = _WithClassDataset(dataset, class_func)
    filtered = _RejectionFilterDataset(dataset, class_func, distributions, seed)
    if initial is not None:
        original = float(np.min(target / initial))
        if original == 1:
            return with_class
        if original == 0:
            return filtered
        weights = [original, 1.0 - original]
    else:
        weights = _OriginalProbability(dataset, distributions)
    selector = _WeightedSelector(weights, 2, seed)
    return _DirectedInterleaveDataset(selector, [with_class, filtered], True)
