"""Keras' ``fit``/``evaluate``/``predict`` under a ``tf.distribute`` strategy with several replicas.

The trainer asks :func:`for_model` once per call; it answers ``None`` on one replica, and the
trainer runs exactly as without a strategy.  Otherwise the :class:`DistributedRun` it returns:

- enters the strategy's scope for the run (new variables mirrored, ``apply_gradients``
  all-reduces) with the gradients averaged over the replicas, as Keras' loss scaling by
  ``1/num_replicas`` followed by TF's sum does;
- gives each replica its part of every global batch (``shard``), with the same shuffling order
  on every replica (the first batch of each epoch is drawn under a seed shared by the replicas);
- makes the metrics global: while the run lasts the model's ``get_metrics_result`` sums (or
  averages, by each state variable's aggregation) the metric states over the replicas;
- makes the batch-end logs collective-safe: they are computed on every replica whenever the
  callbacks might read them (a progress bar draws on its own clock);
- lets only the chief (replica 0) print and write: other replicas log through the ``torchkeras``
  logger instead of standard output, and their ``ModelCheckpoint``, ``CSVLogger`` and
  ``TensorBoard`` callbacks do nothing (``BackupAndRestore`` still restores);
- gathers ``predict``'s outputs from every replica in the global order.
"""

from __future__ import annotations

import contextlib
import random
import weakref

import torch

from ..data import structure
from ..framework.global_state import PER_THREAD as _STATE
from ..framework.tensor import wrap
from ..framework.variable import VariableAggregation
from . import collective
from .input_lib import split_batch

__all__ = ["for_model", "remember_strategy", "DistributedRun"]

_MODEL_STRATEGY = weakref.WeakKeyDictionary()


def remember_strategy(model):
    """Records the strategy in force (at ``compile()``) as the model's, as Keras does at model
    creation."""
    strategy = _STATE.distribute_strategy
    if strategy is not None:
        _MODEL_STRATEGY[model] = strategy


def for_model(model):
    """The :class:`DistributedRun` of ``model`` (the strategy in force, or the one it was compiled
    under), or ``None`` when that strategy has one replica."""
    strategy = _STATE.distribute_strategy or _MODEL_STRATEGY.get(model) or _keras_data_parallel()
    if strategy is None or not strategy._all_reducing:
        return None
    return DistributedRun(strategy, model)


def _keras_data_parallel():
    """The strategy of ``keras.distribution.set_distribution(DataParallel(...))``, if set."""
    distribution = _STATE.attributes.get("distribution")
    make = getattr(distribution, "_distribute_strategy", None)
    return make() if make is not None else None


class _Sharded:
    """An ``EpochIterator`` whose batches are this replica's part of each global batch."""

    def __init__(self, iterator, run):
        self._iterator = iterator
        self._run = run

    @property
    def num_batches(self):
        """The global number of batches per epoch."""
        return self._iterator.num_batches

    def __iter__(self):
        replicas, replica = self._run.replicas, self._run.replica
        batches = iter(self._iterator)
        with self._run.shared_random_state():
            first = next(batches, None)
        if first is None:
            return
        for step, batch in _chain(first, batches):
            yield (
                step,
                structure.map_structure(lambda leaf: split_batch(leaf, replicas, replica), batch),
            )


def _chain(first, rest):
    yield first
    yield from rest


class _ChiefOnly:
    """A writing callback on a non-chief replica: only ``BackupAndRestore``'s restore runs."""

    def __init__(self, callback):
        self._callback = callback

    def __getattr__(self, name):
        if name in ("set_model", "set_params", "model", "params"):
            return getattr(self._callback, name)
        if name == "on_train_begin" and type(self._callback).__name__ == "BackupAndRestore":
            return self._callback.on_train_begin
        if name.startswith("on_"):
            return _ignore
        return getattr(self._callback, name)


def _ignore(*args, **kwargs):
    return None


_WRITERS = ("ModelCheckpoint", "CSVLogger", "TensorBoard", "BackupAndRestore")


class DistributedRun:
    """One ``fit``/``evaluate``/``predict`` call on several replicas (see the module docstring)."""

    def __init__(self, strategy, model):
        self.strategy = strategy
        self.model = model
        self.replicas = strategy.num_replicas_in_sync
        self.replica = strategy._replica_id
        self.chief = self.replica == 0
        self._seed = None
        self._epoch = 0

    # ------------------------------------------------------------------ data
    def shard(self, iterator):
        """``iterator`` (an ``EpochIterator`` of global batches) giving this replica's parts."""
        return _Sharded(iterator, self)

    @contextlib.contextmanager
    def shared_random_state(self):
        """torch's and Python's generators seeded alike on every replica inside the block (one
        seed per epoch, from replica 0), the caller's state restored after."""
        if self._seed is None:
            seed = torch.randint(0, 2**62, (1,), dtype=torch.int64)
            collective.broadcast_many([seed.to(self._device())])
            self._seed = int(seed)
        seed = self._seed + self._epoch
        self._epoch += 1
        device = self._device()
        devices = [device] if device.type == "cuda" else []
        state = random.getstate()
        with torch.random.fork_rng(devices=devices):
            torch.manual_seed(seed)
            random.seed(seed)
            try:
                yield
            finally:
                random.setstate(state)

    def _device(self):
        for param in self.model.parameters():
            return param.device
        from ..framework import device as _device

        return _device.current()

    # --------------------------------------------------------------- metrics
    def synced_metrics_result(self):
        """The model's metric results over every replica's state (a collective)."""
        model = self.model
        variables = [v for metric in model.metrics for v in metric.variables]
        if not variables:
            return _local_result(model)
        storages = [v._param.detach() for v in variables]
        first = torch.tensor(float(self.chief), device=storages[0].device)
        weighted = []
        for v, s in zip(variables, storages):
            aggregation = v.aggregation
            if aggregation is VariableAggregation.MEAN:
                weighted.append(s.double() / self.replicas)
            elif aggregation is VariableAggregation.ONLY_FIRST_REPLICA:
                weighted.append(s.double() * first)
            else:
                weighted.append(s.double())
        totals = collective.all_reduce_many(weighted)
        saved = [s.clone() for s in storages]
        with torch.no_grad():
            try:
                for v, total in zip(variables, totals):
                    v._param.copy_(total.to(v._param.dtype))
                return _copied(_local_result(model))
            finally:
                for v, s in zip(variables, saved):
                    v._param.copy_(s)

    # ------------------------------------------------------------- callbacks
    def callbacks(self, callbacks):
        """``callbacks`` (a ``CallbackList``) made collective-safe and chief-only for writers."""
        eager_logs = callbacks._progbar is not None or any(callbacks._batch_listeners.values())
        if not self.chief:
            swap = {
                id(c): _ChiefOnly(c) for c in callbacks.callbacks if type(c).__name__ in _WRITERS
            }
            callbacks.callbacks = [swap.get(id(c), c) for c in callbacks.callbacks]
            callbacks._batch_listeners = {
                hook: [c for c in listeners if id(c) not in swap]
                for hook, listeners in callbacks._batch_listeners.items()
            }
        if eager_logs:
            dispatch = callbacks._dispatch_batch

            def dispatch_with_logs(hook, batch, logs):
                if callable(logs):
                    logs = logs()
                return dispatch(hook, batch, logs)

            callbacks._dispatch_batch = dispatch_with_logs
        return callbacks

    # ---------------------------------------------------------------- predict
    def gather(self, outputs):
        """Every replica's outputs of one batch, concatenated in replica order."""
        return structure.map_structure(lambda leaf: collective.all_gather(leaf, 0), outputs)

    # ------------------------------------------------------------------ scope
    @contextlib.contextmanager
    def running(self):
        """The strategy's scope, averaged gradients, global metrics and the chief-only output for
        the duration of the call."""
        from ..keras.utils import io_utils

        model = self.model
        strategy = self.strategy
        interactive = io_utils.is_interactive_logging_enabled()
        saved_mean = strategy._mean_gradients
        with strategy.scope():
            weights = [v._param.data for v in model.weights if isinstance(v._param, torch.Tensor)]
            if weights:
                with torch.no_grad():
                    collective.broadcast_many(weights)
            strategy._mean_gradients = True
            model.__dict__["get_metrics_result"] = self.synced_metrics_result
            if not self.chief:
                io_utils.disable_interactive_logging()
            try:
                yield self
            finally:
                strategy._mean_gradients = saved_mean
                model.__dict__.pop("get_metrics_result", None)
                if interactive and not self.chief:
                    io_utils.enable_interactive_logging()


def _local_result(model):
    return type(model).get_metrics_result(model)


def _copied(results):
    return {
        name: wrap(value._value.clone()) if hasattr(value, "_value") else value
        for name, value in results.items()
    }
