"""The graph of checkpointable objects, walked as TF walks it (``graph_view.py``).

Nodes are ``tf.Variable``s (leaves holding one value), objects with a
``_trackable_children()`` method (``tf.Module``, ``tf.train.Checkpoint``), objects
whose class registered an adapter with :func:`register_children` (Keras layers,
models, optimizers), and lists, tuples and dicts holding any of these (TF's
``ListWrapper``/``_DictWrapper``: children named ``"0"``, ``"1"`` ... or by key).
Checkpoint keys are the breadth-first path from the root, each name escaped as TF
does, plus ``/.ATTRIBUTES/VARIABLE_VALUE``.
"""

from __future__ import annotations

import collections

from ..framework.variable import Variable

__all__ = [
    "register_children",
    "children_of",
    "is_trackable",
    "walk",
    "escape",
    "VARIABLE_VALUE",
    "OBJECT_GRAPH_KEY",
]

VARIABLE_VALUE = "VARIABLE_VALUE"
OBJECT_GRAPH_KEY = "_CHECKPOINTABLE_OBJECT_GRAPH"
_ADAPTERS = {}


def register_children(cls, children):
    """Declare ``children(obj) -> [(name, child)]`` as the dependencies of ``cls`` instances."""
    _ADAPTERS[cls] = children


def _adapter(obj):
    for cls in type(obj).__mro__:
        if cls in _ADAPTERS:
            return _ADAPTERS[cls]
    return None


def is_trackable(value):
    """Whether ``value`` is (or is a container holding) a checkpointable object."""
    if isinstance(value, Variable) or hasattr(type(value), "_trackable_children"):
        return True
    if isinstance(value, (list, tuple)):
        return any(is_trackable(v) for v in value)
    if isinstance(value, dict):
        return any(is_trackable(v) for v in value.values())
    return _adapter(value) is not None


def children_of(obj):
    """``[(local name, child)]``: ``obj``'s checkpoint dependencies, in TF's order."""
    if isinstance(obj, Variable):
        return []
    if isinstance(obj, (list, tuple)):
        items = [(str(i), v) for i, v in enumerate(obj)]
    elif isinstance(obj, dict):
        items = [(str(k), v) for k, v in obj.items()]
    elif hasattr(type(obj), "_trackable_children"):
        items = list(obj._trackable_children().items())
    else:
        adapter = _adapter(obj)
        items = list(adapter(obj)) if adapter is not None else []
    return [(name, child) for name, child in items if is_trackable(child)]


def escape(name):
    """TF's ``_escape_local_name``: ``.`` -> ``..``, ``/`` -> ``.S``."""
    return name.replace(".", "..").replace("/", ".S")


class Graph:
    """The breadth-first walk of a root's dependencies (``nodes[0]`` is the root)."""

    def __init__(self, root):
        self.nodes = [root]
        self.paths = [()]
        self.children = []
        ids = {id(root): 0}
        queue = collections.deque([0])
        while queue:
            node_id = queue.popleft()
            refs = []
            for name, child in children_of(self.nodes[node_id]):
                if id(child) not in ids:
                    ids[id(child)] = len(self.nodes)
                    self.nodes.append(child)
                    self.paths.append(self.paths[node_id] + (name,))
                    self.children.append(None)
                    queue.append(ids[id(child)])
                refs.append((ids[id(child)], name))
            while len(self.children) <= node_id:
                self.children.append(None)
            self.children[node_id] = refs

    def key(self, node_id):
        """The checkpoint key of a variable node."""
        return "/".join(escape(n) for n in self.paths[node_id]) + "/.ATTRIBUTES/" + VARIABLE_VALUE

    def path_name(self, node_id):
        """``(root).a.b`` as TF names objects in messages."""
        return ".".join(("(root)",) + self.paths[node_id])


def walk(root):
    """The :class:`Graph` of ``root``."""
    return Graph(root)
