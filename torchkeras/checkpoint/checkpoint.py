"""``tf.train.Checkpoint``: save and restore object graphs in TF's checkpoint format.

Saving walks the object graph breadth-first (``object_graph``), writes every
variable under its TF key plus the serialized ``TrackableObjectGraph`` under
``_CHECKPOINTABLE_OBJECT_GRAPH``.  Restoring matches the saved graph to the Python
objects by dependency names, from the root, as TF does; every value is read and
checked (dtype, shape, checksums) before any variable is assigned, so a bad file
leaves the objects unchanged.  Dependencies that do not exist yet are restored
when they are created (deferred restoration).
"""

from __future__ import annotations

import collections
import os

import numpy as np

from ..api_export import tf_export
from ..framework import errors
from ..framework.variable import Variable
from . import deferred, object_graph
from .state import latest_checkpoint, write_state

__all__ = [
    "Checkpoint",
    "CheckpointOptions",
    "CheckpointLoadStatus",
    "save_tensors",
    "restore_into",
]


@tf_export("train.CheckpointOptions")
class CheckpointOptions:
    """``tf.train.CheckpointOptions``: accepted for compatibility; saving is synchronous
    and local, whatever ``experimental_io_device`` or ``enable_async`` say."""

    __slots__ = (
        "experimental_io_device",
        "experimental_enable_async_checkpoint",
        "experimental_write_callbacks",
        "enable_async",
        "experimental_sharding_callback",
        "experimental_skip_slot_variables",
    )

    def __init__(
        self,
        experimental_io_device=None,
        experimental_enable_async_checkpoint=False,
        experimental_write_callbacks=None,
        enable_async=False,
        experimental_skip_slot_variables=False,
        experimental_sharding_callback=None,
    ):
        self.experimental_io_device = experimental_io_device
        self.experimental_enable_async_checkpoint = experimental_enable_async_checkpoint
        self.experimental_write_callbacks = experimental_write_callbacks
        self.enable_async = enable_async
        self.experimental_skip_slot_variables = experimental_skip_slot_variables
        self.experimental_sharding_callback = experimental_sharding_callback


def _full_name(variable):
    path = getattr(variable, "path", None)
    if isinstance(path, str):
        return path
    name = variable.name
    return name[:-2] if name.endswith(":0") else name


def save_tensors(root):
    """``{key: NumPy value}`` for ``root``'s graph, the object graph entry included."""
    from . import protos

    graph = object_graph.walk(root)
    proto = protos.TrackableObjectGraph()
    tensors = {}
    has_values = [isinstance(node, Variable) for node in graph.nodes]
    for node_id in reversed(range(len(graph.nodes))):
        if any(has_values[c] for c, _ in graph.children[node_id]):
            has_values[node_id] = True
    for node_id, node in enumerate(graph.nodes):
        entry = proto.nodes.add()
        for child_id, name in graph.children[node_id]:
            entry.children.add(node_id=child_id, local_name=name)
        if isinstance(node, Variable):
            key = graph.key(node_id)
            entry.attributes.add(
                name=object_graph.VARIABLE_VALUE, full_name=_full_name(node), checkpoint_key=key
            )
            tensors[key] = np.asarray(node.numpy())
        if has_values[node_id]:
            entry.has_checkpoint_values.value = True
    tensors[object_graph.OBJECT_GRAPH_KEY] = np.array(proto.SerializeToString(), dtype=object)
    return tensors


class _Restore:
    """One restore: the checkpoint's reader and graph, and which saved node is which object."""

    def __init__(self, reader, proto, prefix):
        self.reader = reader
        self.proto = proto
        self.prefix = prefix
        self.matched = {}
        self.paths = self._saved_paths()

    def _saved_paths(self):
        paths = {0: ("(root)",)}
        queue = collections.deque([0])
        while queue:
            node_id = queue.popleft()
            for ref in self.proto.nodes[node_id].children:
                if ref.node_id not in paths:
                    paths[ref.node_id] = paths[node_id] + (ref.local_name,)
                    queue.append(ref.node_id)
        return paths

    def bind(self, node_id, obj):
        """Match saved ``node_id`` to ``obj`` and its descendants; restore their values."""
        assignments = []
        queue = collections.deque([(node_id, obj)])
        newly = {}
        while queue:
            nid, current = queue.popleft()
            if nid in self.matched or nid in newly:
                continue
            newly[nid] = current
            node = self.proto.nodes[nid]
            if node.attributes and isinstance(current, Variable):
                assignments.append((current, node.attributes[0].checkpoint_key))
            if not node.children:
                continue
            children = dict(object_graph.children_of(current))
            for ref in node.children:
                if ref.local_name in children:
                    queue.append((ref.node_id, children[ref.local_name]))
                elif ref.node_id not in self.matched and self._has_values(ref.node_id):
                    deferred.defer(current, ref.local_name, ref.node_id, self)
        values = [self._checked_value(v, key) for v, key in assignments]
        for (variable, _), value in zip(assignments, values):
            variable.assign(value)
        self.matched.update(newly)

    def _has_values(self, node_id):
        """Whether anything under the saved node holds a value (absent field: assume so)."""
        node = self.proto.nodes[node_id]
        return not node.HasField("has_checkpoint_values") or node.has_checkpoint_values.value

    def _checked_value(self, variable, key):
        value = self.reader.get_tensor(key)
        saved_dtype = self.reader.dtype(key)
        if saved_dtype != variable.dtype:
            raise errors.InvalidArgumentError(
                None,
                None,
                "tensor_name = %s; expected dtype %s does not equal original dtype "
                "%s (checkpoint %s)" % (key, variable.dtype.name, saved_dtype.name, self.prefix),
            )
        if tuple(value.shape) != tuple(variable.shape.as_list()):
            raise ValueError(
                "Received incompatible tensor with shape %s when attempting to "
                "restore variable with shape %s and name %s (key %s in checkpoint "
                "%s)."
                % (
                    tuple(value.shape),
                    tuple(variable.shape.as_list()),
                    variable.name,
                    key,
                    self.prefix,
                )
            )
        return value


def _open(save_path):
    from . import bundle, protos

    path = os.fspath(save_path)
    if os.path.isdir(path) and os.path.exists(os.path.join(path, "variables", "variables.index")):
        path = os.path.join(path, "variables", "variables")
    try:
        reader = bundle.BundleReader(path)
    except errors.NotFoundError as exc:
        raise errors.NotFoundError(
            None,
            None,
            "Error when restoring from checkpoint or SavedModel at %s: %s\nPlease "
            "double-check that the path is correct. You may be missing the checkpoint suffix "
            "(e.g. the '-1' in 'path/to/ckpt-1')." % (path, exc.message),
        ) from None
    if not reader.has_tensor(object_graph.OBJECT_GRAPH_KEY):
        raise errors.NotFoundError(
            None,
            None,
            "The checkpoint at %s has no %s entry: it was "
            "not written by tf.train.Checkpoint (name-based checkpoints "
            "are not supported)." % (path, object_graph.OBJECT_GRAPH_KEY),
        )
    raw = reader.get_tensor(object_graph.OBJECT_GRAPH_KEY).item()
    proto = protos.TrackableObjectGraph()
    try:
        proto.ParseFromString(raw)
    except protos.DecodeError:
        raise errors.DataLossError(
            None, None, "The object graph in %s is corrupted." % path
        ) from None
    return _Restore(reader, proto, path)


def restore_into(root, save_path):
    """Restore ``save_path`` into ``root``'s graph; returns the restore session."""
    session = _open(save_path)
    session.bind(0, root)
    return session


@tf_export("train.Checkpoint")
class Checkpoint:
    """``tf.train.Checkpoint(root=None, **kwargs)``: groups objects to save and restore.

    Files are TF's (``prefix.index`` + ``prefix.data-00000-of-00001``), readable by
    TensorFlow and written atomically.  ``save`` numbers them with ``save_counter``
    and updates the directory's ``checkpoint`` file; ``write``/``read`` do neither."""

    def __init__(self, root=None, **kwargs):
        for value in ([root] if root is not None else []) + list(kwargs.values()):
            if not object_graph.is_trackable(value) and not isinstance(value, (list, dict)):
                raise ValueError(
                    "`Checkpoint` was expecting a trackable object (an object derived "
                    "from `Trackable`), got %s. If you believe this object should be "
                    "trackable (i.e. it is part of the TensorFlow Python API and manages "
                    "state), please open an issue." % (value,)
                )
        if "save_counter" in kwargs:
            raise ValueError("'save_counter' is reserved in `Checkpoint`.")
        object.__setattr__(self, "_root", root)
        object.__setattr__(self, "_kwargs", dict(kwargs))
        object.__setattr__(self, "_save_counter", None)

    def __getattr__(self, name):
        kwargs = self.__dict__.get("_kwargs", {})
        if name in kwargs:
            return kwargs[name]
        raise AttributeError("'Checkpoint' object has no attribute %r" % name)

    def __setattr__(self, name, value):
        if name.startswith("_"):
            object.__setattr__(self, name, value)
            return
        self._kwargs[name] = value
        if deferred.PENDING:
            deferred.notify(self)

    def _trackable_children(self):
        children = {}
        if self._root is not None:
            children.update(object_graph.children_of(self._root))
        children.update(self._kwargs)
        if self._save_counter is not None:
            children["save_counter"] = self._save_counter
        return children

    def _maybe_create_save_counter(self):
        if self._save_counter is None:
            from ..framework.dtypes import int64

            object.__setattr__(
                self,
                "_save_counter",
                Variable(0, dtype=int64, trainable=False, name="save_counter"),
            )

    @property
    def save_counter(self):
        """An int64 variable: how many times ``save`` ran (created on first use)."""
        self._maybe_create_save_counter()
        return self._save_counter

    def write(self, file_prefix, options=None):
        """Write the checkpoint to ``file_prefix`` (no numbering, no state file); returns it."""
        from . import bundle

        file_prefix = os.fspath(file_prefix)
        bundle.write_bundle(file_prefix, save_tensors(self))
        return file_prefix

    def save(self, file_prefix, options=None):
        """Increment ``save_counter``, write ``<file_prefix>-<n>``, update the state file."""
        self._maybe_create_save_counter()
        self._save_counter.assign_add(1)
        path = self.write(
            "%s-%d" % (os.fspath(file_prefix), int(self._save_counter.numpy())), options
        )
        write_state(os.path.dirname(os.path.abspath(path)), path, [path])
        return path

    def read(self, save_path, options=None):
        """Restore from ``save_path`` (as ``restore``, for a path given by ``write``)."""
        return self.restore(save_path, options)

    def restore(self, save_path, options=None):
        """Restore from ``save_path`` (a prefix, a directory with a ``checkpoint`` file, or
        a SavedModel directory); returns a :class:`CheckpointLoadStatus`."""
        if save_path is None:
            return InitializationOnlyStatus()
        path = os.fspath(save_path)
        if os.path.isdir(path) and not os.path.isdir(os.path.join(path, "variables")):
            latest = latest_checkpoint(path)
            if latest is not None:
                path = latest
        self._maybe_create_save_counter()
        return CheckpointLoadStatus(self, restore_into(self, path))


class InitializationOnlyStatus:
    """The status of ``restore(None)``: nothing restored."""

    def assert_consumed(self):
        """Always raises: nothing was restored."""
        raise AssertionError("No checkpoint specified (save_path=None); nothing is being restored.")

    assert_existing_objects_matched = assert_consumed
    assert_nontrivial_match = assert_consumed

    def run_restore_ops(self, session=None):
        """Nothing to run in eager mode."""

    def initialize_or_restore(self, session=None):
        """Nothing to do: variables are initialised when created."""

    def expect_partial(self):
        """Returns self."""
        return self


class CheckpointLoadStatus:
    """What ``Checkpoint.restore`` returns: checks that the checkpoint matched the objects."""

    def __init__(self, checkpoint, session):
        self._checkpoint = checkpoint
        self._session = session

    def _unmatched_python_objects(self):
        matched = {id(o) for o in self._session.matched.values()}
        out = []
        for node in object_graph.walk(self._checkpoint).nodes:
            if isinstance(node, (list, tuple, dict)):
                continue
            if id(node) not in matched:
                out.append(node)
        return out

    def _raise_unmatched(self, unused):
        if unused:
            shown = unused[:10]
            raise AssertionError(
                "Found %d Python objects that were not bound to checkpointed values, likely "
                "due to changes in the Python program. Showing %d of %d unmatched objects: %s"
                % (len(unused), len(shown), len(unused), shown)
            )

    def assert_consumed(self):
        """Every saved value was matched to an object and every object to a saved value."""
        from . import protos

        proto = self._session.proto
        for node_id, node in enumerate(proto.nodes):
            if not node.attributes:
                continue
            if node_id not in self._session.matched:
                path = ".".join(self._session.paths.get(node_id, ("(root)", "?")))
                raise AssertionError(
                    "Unresolved object in checkpoint %s: %s"
                    % (path, protos.text_format.MessageToString(node))
                )
        self._raise_unmatched(self._unmatched_python_objects())
        return self

    def assert_existing_objects_matched(self):
        """Every existing object in the graph was matched to a saved value."""
        self._raise_unmatched(self._unmatched_python_objects())
        return self

    def assert_nontrivial_match(self):
        """Something besides the root (and ``save_counter``) was restored."""
        matched = [
            o
            for o in self._session.matched.values()
            if o is not self._checkpoint and o is not self._checkpoint._save_counter
        ]
        if not matched:
            raise AssertionError(
                "Nothing except the root object matched a checkpointed value. Typically this "
                "means that the checkpoint does not match the Python program. The following "
                "objects have no matching checkpointed value: %s" % self._unmatched_python_objects()
            )
        return self

    def expect_partial(self):
        """Silence warnings about unrestored values (none are printed here); returns self."""
        return self

    def run_restore_ops(self, session=None):
        """Nothing to run in eager mode (values are assigned during ``restore``)."""

    def initialize_or_restore(self, session=None):
        """Nothing to run in eager mode."""
