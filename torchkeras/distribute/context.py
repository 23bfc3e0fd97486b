"""The strategy in force, as TF's ``distribute_lib`` functions see it.

TF distinguishes the default strategy (outside any ``scope()``), the cross-replica context
(inside ``scope()``) and replica contexts (inside ``strategy.run``).  The state lives in
``framework.global_state.PER_THREAD`` (``distribute_strategy``, ``replica_context``), per
thread as TF.
"""

from __future__ import annotations

from ..api_export import tf_export
from ..framework.global_state import PER_THREAD as _STATE

__all__ = [
    "get_strategy",
    "has_strategy",
    "in_cross_replica_context",
    "get_replica_context",
    "num_replicas_in_sync",
]


def _default():
    from .strategy import default_strategy

    return default_strategy()


@tf_export("distribute.get_strategy")
def get_strategy():
    """The strategy of the enclosing ``scope()`` or ``strategy.run``, else the default strategy
    (one replica, no collectives)."""
    strategy = _STATE.distribute_strategy
    return strategy if strategy is not None else _default()


@tf_export("distribute.has_strategy")
def has_strategy():
    """Whether a non-default strategy is in force (inside its ``scope()`` or ``run``)."""
    return _STATE.distribute_strategy is not None


@tf_export("distribute.in_cross_replica_context")
def in_cross_replica_context():
    """True inside a strategy's ``scope()`` but outside ``strategy.run``."""
    return _STATE.distribute_strategy is not None and _STATE.replica_context is None


@tf_export("distribute.get_replica_context")
def get_replica_context():
    """The ``ReplicaContext`` of the ``strategy.run`` in progress; the default strategy's replica
    context outside any scope; ``None`` in a cross-replica context."""
    if _STATE.replica_context is not None:
        return _STATE.replica_context
    if _STATE.distribute_strategy is not None:
        return None
    return _default()._replica_context()


def num_replicas_in_sync():
    """The number of replicas of the strategy in force (1 for the default strategy)."""
    strategy = _STATE.distribute_strategy
    return 1 if strategy is None else strategy.num_replicas_in_sync
