"""``PerReplica``: a value that differs between the replicas.

TF's ``MirroredStrategy`` holds every replica's value in one process.  Here each process is one
replica, so a ``PerReplica`` holds this replica's value only; ``values`` and
``strategy.experimental_local_results`` give it as a 1-tuple, and the strategy's ``reduce`` and
``gather`` reach the others through collectives.
"""

from __future__ import annotations

from ..api_export import tf_export

__all__ = ["PerReplica"]


@tf_export("distribute.DistributedValues")
class DistributedValues:
    """Base of values that belong to several replicas (TF's ``tf.distribute.DistributedValues``)."""

    def __init__(self, values):
        self._values = tuple(values)

    @property
    def values(self):
        """The values this process holds (one per local replica: here a 1-tuple)."""
        return self._values

    def __repr__(self):
        body = ",\n".join("  %d: %r" % (i, v) for i, v in enumerate(self._values))
        return "%s:{\n%s\n}" % (type(self).__name__, body)


class PerReplica(DistributedValues):
    """A value of each replica: what ``strategy.run`` returns with more than one replica, and what
    a distributed dataset yields."""


def local_value(value):
    """This replica's part of ``value`` (``value`` itself when not distributed)."""
    return value._values[0] if isinstance(value, DistributedValues) else value
