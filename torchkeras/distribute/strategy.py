"""``tf.distribute`` strategies on torch.distributed (DESIGN.md, decision 7).

TF's ``MirroredStrategy`` is one process driving N devices; here every replica is a process
(one per GPU, or per CPU process with gloo), started by ``torchrun`` or from ``TF_CONFIG``
(``cluster.py``).  ``num_replicas_in_sync`` is the number of processes; without a launcher a
strategy has one replica and does no communication.  Variables created in ``scope()`` (or in
``run``) start from replica 0's value, as TF's mirrored variables do; ``optimizer.apply_gradients``
under a strategy sums the gradients of the replicas (bucketed all-reduce, as DDP's reducer)
before the update; ``reduce``/``gather``/``ReplicaContext.all_reduce`` are collectives, so every
replica must call them in the same order, as in TF.
"""

from __future__ import annotations

import contextlib
import enum

import torch

from ..api_export import tf_export
from ..framework import device as _device
from ..framework import tree as _tree
from ..framework.convert import convert_to_tensor
from ..framework.global_state import PER_THREAD as _STATE
from ..framework.tensor import TensorOperators, wrap
from . import cluster, collective
from .reduce_op import ReduceOp, as_reduce_op
from .values import DistributedValues, PerReplica, local_value

__all__ = [
    "Strategy",
    "MirroredStrategy",
    "MultiWorkerMirroredStrategy",
    "OneDeviceStrategy",
    "ReplicaContext",
    "default_strategy",
]


def _storage(value):
    if isinstance(value, TensorOperators):
        return value._value
    return convert_to_tensor(value)._value


@tf_export("distribute.ReplicaContext")
class ReplicaContext:
    """The context of one replica inside ``strategy.run``: its id, the replica count, and
    collectives across the replicas."""

    def __init__(self, strategy, replica_id_in_sync_group):
        self._strategy = strategy
        self._replica_id = replica_id_in_sync_group

    @property
    def strategy(self):
        """The strategy running this replica."""
        return self._strategy

    @property
    def num_replicas_in_sync(self):
        """The number of replicas (Python int)."""
        return self._strategy.num_replicas_in_sync

    @property
    def replica_id_in_sync_group(self):
        """This replica's index, an int32 scalar Tensor as in TF (the process rank here)."""
        return wrap(torch.tensor(self._replica_id, dtype=torch.int32))

    @property
    def devices(self):
        """The device of this replica, as TF's device string (a 1-tuple)."""
        return (_device.tf_device_string(_device.default()),)

    def all_reduce(self, reduce_op, value, options=None):
        """The ``SUM``/``MEAN`` over the replicas of ``value`` (a nested structure of tensors)."""
        mean = as_reduce_op(reduce_op) is ReduceOp.MEAN
        leaves = _tree.flatten(value)
        storages = [_storage(leaf) for leaf in leaves]
        if self._strategy._all_reducing:
            storages = collective.all_reduce_many(storages, mean=mean)
        return _tree.pack_sequence_as(value, [wrap(s) for s in storages])

    def merge_call(self, merge_fn, args=(), kwargs=None):
        """Calls ``merge_fn(strategy, *args, **kwargs)`` in a cross-replica context."""
        saved = _STATE.replica_context
        _STATE.replica_context = None
        try:
            return merge_fn(self._strategy, *args, **(kwargs or {}))
        finally:
            _STATE.replica_context = saved

    def __enter__(self):
        self._saved = (_STATE.distribute_strategy, _STATE.replica_context)
        strategy = self._strategy
        _STATE.distribute_strategy = None if strategy is default_strategy() else strategy
        _STATE.replica_context = self
        return self

    def __exit__(self, *exc):
        _STATE.distribute_strategy, _STATE.replica_context = self._saved
        return False


@tf_export("distribute.InputReplicationMode")
class InputReplicationMode(enum.Enum):
    """TF's input replication modes (``PER_WORKER`` is what torchkeras does)."""

    PER_WORKER = "PER_WORKER"
    PER_REPLICA = "PER_REPLICA"


@tf_export("distribute.Strategy")
class Strategy:
    """The base of the strategies: one replica per process of the torch.distributed group."""

    def __init__(self, num_replicas=None, communication_options=None):
        if num_replicas is None:
            num_replicas = cluster.ensure_process_group(communication_options)
        self._num_replicas = num_replicas
        self._all_reducing = num_replicas > 1
        self._mean_gradients = False
        self._reduced_in_backward = False

    @property
    def num_replicas_in_sync(self):
        """The number of replicas (processes) kept in sync."""
        return self._num_replicas

    @property
    def cluster_resolver(self):
        """The cluster resolver (``None`` but for ``MultiWorkerMirroredStrategy``)."""
        return None

    @property
    def extended(self):
        """TF's ``StrategyExtended``; here the strategy itself answers its few questions."""
        return self

    @property
    def _replica_id(self):
        return cluster.rank() if self._all_reducing else 0

    @property
    def should_checkpoint(self):
        """Whether this replica writes checkpoints (the chief, replica 0)."""
        return self._replica_id == 0

    should_save_summary = should_checkpoint

    def _replica_context(self):
        return ReplicaContext(self, self._replica_id)

    @contextlib.contextmanager
    def scope(self):
        """Variables (and Keras models and optimizers) created inside are mirrored: they start
        from replica 0's value, and ``fit``/``apply_gradients`` keep them in sync."""
        current = _STATE.distribute_strategy
        if current is not None and current is not self:
            raise RuntimeError(
                "Mixing different tf.distribute.Strategy objects: %r is not %r" % (self, current)
            )
        saved = (_STATE.distribute_strategy, _STATE.replica_context)
        _STATE.distribute_strategy, _STATE.replica_context = self, None
        try:
            yield self
        finally:
            _STATE.distribute_strategy, _STATE.replica_context = saved

    def run(self, fn, args=(), kwargs=None, options=None):
        """Calls ``fn(*args, **kwargs)`` on this replica (``PerReplica`` arguments give their local
        value) in a replica context; with several replicas the results come back as
        ``PerReplica``."""
        args = _tree.map_structure(local_value, args)
        kwargs = _tree.map_structure(local_value, kwargs or {})
        with self._replica_context():
            result = fn(*args, **kwargs)
        if not self._all_reducing:
            return result
        return _tree.map_structure(
            lambda leaf: leaf if leaf is None else PerReplica((leaf,)), result
        )

    def reduce(self, reduce_op, value, axis):
        """The ``SUM``/``MEAN`` of a per-replica ``value`` over the replicas and, with ``axis``,
        over that axis too (``MEAN`` with an axis averages every element across replicas)."""
        op = as_reduce_op(reduce_op)
        if not isinstance(value, DistributedValues):
            if self._all_reducing and op is ReduceOp.SUM:
                raise ValueError(
                    "A non-DistributedValues value %s cannot be reduced with the given reduce op "
                    "%s." % (value, op)
                )
            if axis is None:
                return value if isinstance(value, TensorOperators) else convert_to_tensor(value)
        storage = _storage(local_value(value))
        count = None
        if axis is not None:
            count = storage.shape[axis]
            storage = storage.sum(axis)
        if self._all_reducing and isinstance(value, DistributedValues):
            if count is None:
                storage = collective.all_reduce(storage, mean=op is ReduceOp.MEAN)
            else:
                count_storage = torch.tensor(float(count), device=storage.device)
                storage, count_storage = collective.all_reduce_many([storage, count_storage])
                count = count_storage
        if count is not None and op is ReduceOp.MEAN:
            storage = storage / count if storage.is_floating_point() else storage // count
        return wrap(storage)

    def gather(self, value, axis):
        """The replicas' values concatenated along ``axis`` in replica order (sizes along
        ``axis`` may differ)."""
        storage = _storage(local_value(value))
        if self._all_reducing:
            storage = collective.all_gather(storage, axis)
        return wrap(storage)

    def experimental_local_results(self, value):
        """The values this process holds: a 1-tuple (each process is one replica)."""
        if isinstance(value, DistributedValues):
            return value.values
        return (value,)

    def experimental_distribute_dataset(self, dataset, options=None):
        """``dataset`` (of global batches) split across the replicas: each gets its part of
        every global batch (TF's auto-shard by data, with the global batch split evenly)."""
        from .input_lib import DistributedDataset

        return DistributedDataset(self, dataset)

    def distribute_datasets_from_function(self, dataset_fn, options=None):
        """Each replica's dataset from ``dataset_fn(InputContext)`` (which should batch with
        ``ctx.get_per_replica_batch_size(global_batch)`` and shard itself)."""
        from .input_lib import DistributedDatasetsFromFunction

        return DistributedDatasetsFromFunction(self, dataset_fn)

    experimental_distribute_datasets_from_function = distribute_datasets_from_function

    def experimental_distribute_values_from_function(self, value_fn):
        """``PerReplica`` of ``value_fn(ValueContext)`` for this replica."""
        from .input_lib import ValueContext

        value = value_fn(ValueContext(self._replica_id, self._num_replicas))
        return PerReplica((value,)) if self._all_reducing else value

    def _mirror_variable(self, variable):
        """Gives a new variable replica 0's value (called as the variable is created)."""
        if self._all_reducing and isinstance(variable._param, torch.Tensor):
            with torch.no_grad():
                collective.broadcast_many([variable._param.data])

    def _all_reduce_gradients(self, storages):
        """The gradient storages summed (``fit``: averaged) over the replicas (not again when
        :meth:`_gradients` reduced them during backward)."""
        if self._reduced_in_backward:
            self._reduced_in_backward = False
            return storages
        return collective.all_reduce_many(storages, mean=self._mean_gradients)

    def _gradients(self, loss, params):
        """``fit``'s gradients of ``loss``, all-reduced while backward runs (DDP's overlap); the
        optimizer's next ``apply`` then uses them as they are."""
        grads = collective.grad_all_reduced(loss, params, mean=self._mean_gradients)
        self._reduced_in_backward = True
        return grads


@tf_export("distribute.MirroredStrategy")
class MirroredStrategy(Strategy):
    """Synchronous data parallelism on the replicas of one machine (or several, when started by
    ``torchrun``): one process per GPU, or gloo CPU processes.  ``devices`` and
    ``cross_device_ops`` are accepted; the processes started decide the replicas."""

    def __init__(self, devices=None, cross_device_ops=None):
        self._devices = devices
        super().__init__()


@tf_export("distribute.MultiWorkerMirroredStrategy")
class MultiWorkerMirroredStrategy(Strategy):
    """Synchronous data parallelism across machines: ``TF_CONFIG`` (or torchrun's environment)
    names the workers; collectives honour ``communication_options.timeout_seconds``."""

    def __init__(self, cluster_resolver=None, communication_options=None):
        self._cluster_resolver = cluster_resolver or cluster.TFConfigClusterResolver()
        super().__init__(communication_options=communication_options)

    @property
    def cluster_resolver(self):
        """The ``TFConfigClusterResolver`` (or the one given)."""
        return self._cluster_resolver


@tf_export("distribute.OneDeviceStrategy")
class OneDeviceStrategy(Strategy):
    """One replica on ``device``: variables created in ``scope()`` and the work of ``run`` go to
    that device."""

    def __init__(self, device):
        self._device_name = device
        super().__init__(num_replicas=1)

    @contextlib.contextmanager
    def scope(self):
        """The strategy's scope with ``tf.device(device)`` in force."""
        with super().scope(), _device.device(self._device_name):
            yield self

    def run(self, fn, args=(), kwargs=None, options=None):
        """``fn(*args, **kwargs)`` on the strategy's device."""
        with _device.device(self._device_name):
            return super().run(fn, args, kwargs, options)


class _DefaultDistributionStrategy(Strategy):
    """The strategy outside any scope: one replica, nothing mirrored."""

    def __init__(self):
        super().__init__(num_replicas=1)

    @contextlib.contextmanager
    def scope(self):
        """Entering the default strategy's scope changes nothing."""
        yield self


_DEFAULT = []


def default_strategy():
    """The one default strategy."""
    if not _DEFAULT:
        _DEFAULT.append(_DefaultDistributionStrategy())
    return _DEFAULT[0]
