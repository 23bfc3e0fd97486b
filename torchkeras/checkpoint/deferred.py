"""Deferred restoration: checkpoint values waiting for objects that do not exist yet.

When ``Checkpoint.restore`` finds a saved dependency (``model/dense/_kernel``) whose
Python object is not there yet (the layer is not built), it records it here on the
parent; when the parent later gains that dependency (an attribute set on a
``tf.Module``, a Keras layer or optimizer built), ``notify(parent)`` restores it, as
TF's deferred restoration does.
"""
from __future__ import annotations

import weakref

__all__ = ["PENDING", "defer", "notify"]

PENDING = weakref.WeakKeyDictionary()
"""``{parent object: [(local name, saved node id, restore session)]}``."""


def defer(parent, local_name, node_id, session):
    """Remember that ``parent.<local_name>`` should be restored from ``session``'s node."""
    try:
        PENDING.setdefault(parent, []).append((local_name, node_id, session))
    except TypeError:
        pass


def notify(parent):
    """Restore whatever was waiting for ``parent``'s dependencies that now exist."""
    waiting = PENDING.get(parent)
    if not waiting:
        return
    from .object_graph import children_of
    children = dict(children_of(parent))
    still = []
    for local_name, node_id, session in waiting:
        if local_name in children:
            session.bind(node_id, children[local_name])
        else:
            still.append((local_name, node_id, session))
    if still:
        PENDING[parent] = still
    else:
        PENDING.pop(parent, None)
