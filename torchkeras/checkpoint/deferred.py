"""Deferred restoration: checkpoint values waiting for objects that do not exist yet.

When ``Checkpoint.restore`` finds a saved dependency (``model/dense/_kernel``) whose
Python object is not there yet (the layer is not built), it records it here on the
parent; when the parent later gains that dependency (an attribute set on a
``tf.Module``, a Keras layer or optimizer built), ``notify(parent)`` restores it, as
TF's deferred restoration does.
"""

from __future__ import annotations

import weakref

__all__ = ["PENDING", "defer", "notify", "notify_tree"]

PENDING = {}
"""``{id(parent): (reference to parent, [(local name, saved node id, restore session)])}``;
parents are held weakly where Python allows (lists and dicts are held strongly)."""


def _reference(obj):
    try:
        return weakref.ref(obj)
    except TypeError:
        return lambda: obj


def defer(parent, local_name, node_id, session):
    """Remember that ``parent.<local_name>`` should be restored from ``session``'s node."""
    entry = PENDING.get(id(parent))
    if entry is None or entry[0]() is not parent:
        entry = PENDING[id(parent)] = (_reference(parent), [])
    entry[1].append((local_name, node_id, session))


def notify(parent):
    """Restore whatever was waiting for ``parent``'s dependencies that now exist."""
    entry = PENDING.get(id(parent))
    if entry is None or entry[0]() is not parent:
        return
    from .object_graph import children_of

    children = dict(children_of(parent))
    del PENDING[id(parent)]
    still = []
    for local_name, node_id, session in entry[1]:
        if local_name in children:
            session.bind(node_id, children[local_name])
        else:
            still.append((local_name, node_id, session))
    for local_name, node_id, session in still:
        defer(parent, local_name, node_id, session)


def notify_tree(root):
    """``notify`` every object in ``root``'s graph that has values waiting."""
    for key in [k for k, (ref, _) in PENDING.items() if ref() is None]:
        del PENDING[key]
    if not PENDING:
        return
    from .object_graph import walk

    for node in walk(root).nodes:
        if id(node) in PENDING:
            notify(node)
