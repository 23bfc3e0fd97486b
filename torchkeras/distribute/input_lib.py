"""Distributed input: each replica's part of the data.

``experimental_distribute_dataset`` splits every global batch of the dataset across the replicas
(TF's rule: the per-replica batch is the global batch over ``num_replicas_in_sync``; an uneven
batch gives the first replicas one row more) and keeps this replica's part, which is TF's
auto-shard policy ``DATA``.  ``distribute_datasets_from_function`` calls the user's function with
an :class:`InputContext`, and the dataset it returns is this replica's as it is.
"""

from __future__ import annotations

import torch

from ..api_export import tf_export
from ..framework import tree as _tree
from ..framework.tensor import TensorOperators, wrap
from .values import PerReplica

__all__ = [
    "InputContext",
    "ValueContext",
    "DistributedDataset",
    "DistributedDatasetsFromFunction",
    "split_batch",
]


def split_batch(storage, replicas, replica):
    """Replica ``replica``'s rows of a global batch ``storage`` (a torch tensor)."""
    if storage is None or storage.ndim == 0:
        return storage
    return torch.tensor_split(storage, replicas)[replica]


def _local_leaf(leaf, replicas, replica):
    if isinstance(leaf, TensorOperators):
        return wrap(split_batch(leaf._value, replicas, replica))
    if isinstance(leaf, torch.Tensor):
        return split_batch(leaf, replicas, replica)
    return leaf


@tf_export("distribute.InputContext")
class InputContext:
    """What ``distribute_datasets_from_function`` passes to the dataset function: the number of
    input pipelines (workers), this one's id, and the replica count."""

    def __init__(self, num_input_pipelines=1, input_pipeline_id=0, num_replicas_in_sync=1):
        self._num_input_pipelines = num_input_pipelines
        self._input_pipeline_id = input_pipeline_id
        self._num_replicas_in_sync = num_replicas_in_sync

    @property
    def num_replicas_in_sync(self):
        """The number of replicas in sync."""
        return self._num_replicas_in_sync

    @property
    def input_pipeline_id(self):
        """This input pipeline's index (the process rank)."""
        return self._input_pipeline_id

    @property
    def num_input_pipelines(self):
        """The number of input pipelines (processes)."""
        return self._num_input_pipelines

    def get_per_replica_batch_size(self, global_batch_size):
        """``global_batch_size // num_replicas_in_sync``; ``ValueError`` when not divisible."""
        if global_batch_size % self._num_replicas_in_sync != 0:
            raise ValueError(
                "The `global_batch_size` %r is not divisible by `num_replicas_in_sync` %r "
                % (global_batch_size, self._num_replicas_in_sync)
            )
        return global_batch_size // self._num_replicas_in_sync

    def __str__(self):
        return "tf.distribute.InputContext(input pipeline id %d, total: %d)" % (
            self._input_pipeline_id,
            self._num_input_pipelines,
        )


@tf_export("distribute.experimental.ValueContext")
class ValueContext:
    """What ``experimental_distribute_values_from_function`` passes: the replica id and count."""

    def __init__(self, replica_id_in_sync_group=0, num_replicas_in_sync=1):
        self._replica_id = replica_id_in_sync_group
        self._num_replicas = num_replicas_in_sync

    @property
    def replica_id_in_sync_group(self):
        """This replica's index."""
        return self._replica_id

    @property
    def num_replicas_in_sync(self):
        """The number of replicas."""
        return self._num_replicas


class _DistributedIterator:
    """The iterator of a distributed dataset (``next``, ``get_next``)."""

    def __init__(self, dataset, local):
        self._iterator = iter(dataset._dataset)
        self._local = local
        self._element_spec = dataset.element_spec

    def __iter__(self):
        return self

    def __next__(self):
        return self._local(next(self._iterator))

    def get_next(self):
        """The next element; ``tf.errors.OutOfRangeError`` at the end, as TF."""
        from ..framework.errors import OutOfRangeError

        try:
            return next(self)
        except StopIteration:
            raise OutOfRangeError(None, None, "End of sequence") from None

    @property
    def element_spec(self):
        """The element spec of the distributed dataset."""
        return self._element_spec


class _Distributed:
    def __init__(self, strategy, dataset):
        self._strategy = strategy
        self._dataset = dataset

    @property
    def element_spec(self):
        """The dataset's element spec (the per-replica tensors have the same dtypes and ranks)."""
        return self._dataset.element_spec

    def _wrap(self, element):
        if not self._strategy._all_reducing:
            return element
        return _tree.map_structure(lambda leaf: PerReplica((leaf,)), element, rules=_tree.DATA)

    def __iter__(self):
        return _DistributedIterator(self, self._local)


@tf_export("distribute.DistributedDataset")
class DistributedDataset(_Distributed):
    """What ``experimental_distribute_dataset`` returns: iterating gives this replica's part of
    each global batch (``PerReplica`` values with several replicas, plain Tensors with one)."""

    def _local(self, element):
        strategy = self._strategy
        if not strategy._all_reducing:
            return element
        replicas, replica = strategy.num_replicas_in_sync, strategy._replica_id
        local = _tree.map_structure(
            lambda leaf: _local_leaf(leaf, replicas, replica), element, rules=_tree.DATA
        )
        return self._wrap(local)


class DistributedDatasetsFromFunction(_Distributed):
    """What ``distribute_datasets_from_function`` returns: this replica's dataset, made by the
    function from an :class:`InputContext`."""

    def __init__(self, strategy, dataset_fn):
        context = InputContext(
            strategy.num_replicas_in_sync, strategy._replica_id, strategy.num_replicas_in_sync
        )
        super().__init__(strategy, dataset_fn(context))

    def _local(self, element):
        return self._wrap(element)
