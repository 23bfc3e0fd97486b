"""``tf.summary``'s writers and state: default writer, default step, recording condition, write.

As TF's ``summary_ops_v2``: the default writer, the default step and the ``record_if``
condition are per thread; ``write`` records only while a default writer is set and the
condition holds, and needs a step (``step=`` or ``tf.summary.experimental.set_step``).
The files are written by the ``tensorboard`` package's ``EventFileWriter`` (the
``torchkeras[tensorboard]`` extra), named as TF names them
(``events.out.tfevents.<time>.<host>.<pid>.<n>.v2``); the only difference a reader can see
is the first event's ``source_metadata.writer`` (the tensorboard writer's name, not TF's).
"""

from __future__ import annotations

import os
import threading
import time

import numpy as np

from ..api_export import tf_export
from ..framework import dtypes
from ..framework.convert import constant, convert_to_tensor
from . import _tensorboard

__all__ = [
    "SummaryWriter",
    "create_file_writer",
    "create_noop_writer",
    "record_if",
    "should_record_summaries",
    "get_step",
    "set_step",
    "write",
    "flush",
]


class _SummaryState(threading.local):
    def __init__(self):
        super().__init__()
        self.is_recording = None
        self.writer = None
        self.step = None


_STATE = _SummaryState()


@tf_export("summary.experimental.get_step")
def get_step():
    """``tf.summary.experimental.get_step()``: the default step of this thread (or None)."""
    return _STATE.step


@tf_export("summary.experimental.set_step")
def set_step(step):
    """``tf.summary.experimental.set_step(step)``: sets (``None``: unsets) this thread's step.

    A ``tf.Variable`` step is read each time a summary is written, as in TF."""
    _STATE.step = step


def step_value(step):
    """The int64 value of ``step`` (an int, a NumPy/tf scalar or a ``tf.Variable``), converted
    with TF's rules (``TypeError`` for ``1.5``, ``ValueError`` for a float tensor)."""
    value = convert_to_tensor(step, dtype=dtypes.int64)
    if value.shape.num_elements() != 1:
        raise ValueError(
            "Argument `step` must be a scalar. Received step with shape %s." % (value.shape,)
        )
    return int(value.numpy().reshape(()))


def _resolve(value):
    value = value() if callable(value) else value
    return bool(np.asarray(value))


def is_recording():
    """Python bool: a default writer is set and the ``record_if`` condition holds."""
    if _STATE.writer is None:
        return False
    condition = _STATE.is_recording
    return True if condition is None else _resolve(condition)


@tf_export("summary.should_record_summaries")
def should_record_summaries():
    """``tf.summary.should_record_summaries()``: a bool Tensor, False without a default writer,
    else the ``record_if`` condition (True when none is set)."""
    return constant(is_recording())


class _RecordIf:
    def __init__(self, condition):
        self._condition = condition
        self._old = None

    def __enter__(self):
        self._old = _STATE.is_recording
        _STATE.is_recording = self._condition

    def __exit__(self, *exc):
        _STATE.is_recording = self._old
        return False


@tf_export("summary.record_if")
def record_if(condition):
    """``tf.summary.record_if(condition)``: a context manager that turns recording on or off.

    ``condition`` is a bool, a bool scalar tensor, or a callable returning one (called at
    each write, so ``lambda: step % 100 == 0`` varies)."""
    return _RecordIf(condition)


class _SummaryContextManager:
    """``writer.as_default(step)``: makes ``writer`` the default; flushes it on exit."""

    def __init__(self, writer, step=None):
        self._writer = writer
        self._step = step
        self._old_writer = None
        self._old_step = None

    def __enter__(self):
        self._old_writer = _STATE.writer
        _STATE.writer = self._writer
        if self._step is not None:
            self._old_step = _STATE.step
            _STATE.step = self._step
        return self._writer

    def __exit__(self, *exc):
        _STATE.writer.flush()
        _STATE.writer = self._old_writer
        if self._step is not None:
            _STATE.step = self._old_step
        return False


@tf_export("summary.SummaryWriter")
class SummaryWriter:
    """``tf.summary.SummaryWriter``: the interface of summary writers.

    ``as_default(step=None)`` is a context manager making the writer the thread's default
    (and ``step`` the default step, restored on exit); ``set_as_default(step=None)`` does the
    same without restoring."""

    def set_as_default(self, step=None):
        """Makes this writer the default of the current thread (and ``step`` its step)."""
        self.as_default(step).__enter__()

    def as_default(self, step=None):
        """A context manager that makes this writer the default (``step``: the default step)."""
        return _SummaryContextManager(self, step)

    def init(self):
        """Initializes the summary writer."""
        raise NotImplementedError()

    def flush(self):
        """Flushes any buffered data."""
        raise NotImplementedError()

    def close(self):
        """Flushes and closes the summary writer."""
        raise NotImplementedError()


class _FileWriter(SummaryWriter):
    """A writer appending events to one event file through tensorboard's ``EventFileWriter``."""

    def __init__(self, logdir, max_queue, flush_millis, filename_suffix):
        module = _tensorboard.require("tensorboard.summary.writer.event_file_writer")
        self._logdir = logdir
        self._writer = module.EventFileWriter(
            logdir,
            max_queue_size=max_queue,
            flush_secs=flush_millis / 1000.0,
            filename_suffix=filename_suffix,
        )
        self._closed = False

    def _check_open(self):
        if self._closed:
            raise RuntimeError("SummaryWriter %r is already closed" % (self,))

    def set_as_default(self, step=None):
        self._check_open()
        super().set_as_default(step)

    def as_default(self, step=None):
        self._check_open()
        return super().as_default(step)

    def init(self):
        """Nothing to do eagerly (the event file exists from creation); errors once closed."""
        self._check_open()

    def flush(self):
        """Writes buffered events to the file (nothing once closed)."""
        if not self._closed:
            self._writer.flush()

    def close(self):
        """Flushes and closes the event file; later writes through this writer are dropped."""
        if not self._closed:
            self._writer.close()
            self._closed = True

    def add_event(self, event):
        if not self._closed:
            self._writer.add_event(event)


class _NoopSummaryWriter(SummaryWriter):
    """The writer of ``create_noop_writer``: accepts everything, writes nothing."""

    def set_as_default(self, step=None):
        pass

    def as_default(self, step=None):
        return _NoopContext()

    def init(self):
        pass

    def flush(self):
        pass

    def close(self):
        pass


class _NoopContext:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


@tf_export("summary.create_file_writer")
def create_file_writer(
    logdir,
    max_queue=None,
    flush_millis=None,
    filename_suffix=None,
    name=None,
    experimental_trackable=False,
    experimental_mesh=None,
):
    """``tf.summary.create_file_writer``: a writer of one new event file in ``logdir``.

    The directory and the file are created at once (as TF does); events are buffered up to
    ``max_queue`` (10) or ``flush_millis`` (120000 ms) and flushed on ``flush``, ``close`` and
    when an ``as_default`` block ends."""
    if logdir is None:
        raise ValueError("Argument `logdir` cannot be None")
    for arg, value in (
        ("max_queue", max_queue),
        ("flush_millis", flush_millis),
        ("filename_suffix", filename_suffix),
    ):
        if value is not None and np.asarray(value).ndim != 0:
            raise ValueError("Argument `%s` must be a scalar. Received %s." % (arg, value))
    logdir = os.fspath(logdir) if not hasattr(logdir, "numpy") else logdir.numpy().decode()
    return _FileWriter(
        logdir,
        10 if max_queue is None else int(max_queue),
        120000 if flush_millis is None else int(flush_millis),
        ".v2" if filename_suffix is None else str(filename_suffix),
    )


@tf_export("summary.create_noop_writer")
def create_noop_writer():
    """``tf.summary.create_noop_writer()``: a writer that does nothing (a placeholder)."""
    return _NoopSummaryWriter()


@tf_export("summary.flush")
def flush(writer=None, name=None):
    """``tf.summary.flush(writer=None)``: flushes ``writer`` (default: the default writer)."""
    if writer is None:
        writer = _STATE.writer
        if writer is None:
            return None
    if isinstance(writer, SummaryWriter):
        return writer.flush()
    raise ValueError("Invalid argument to flush(): %r" % (writer,))


def write_proto(tag, make_tensor, step, metadata):
    """Records one summary value; ``make_tensor()`` builds its ``TensorProto`` only if recorded
    (``metadata`` too, when it is a callable: no tensorboard import while nothing records).

    Returns the bool Tensor TF's summary ops return."""
    if step is not None:
        step_value(step)
    if _STATE.writer is None:
        return constant(False)
    if step is None:
        step = get_step()
    if not is_recording():
        return constant(False)
    if step is None:
        raise ValueError(
            "No step set. Please specify one either through the `step` argument "
            "or through tf.summary.experimental.set_step()"
        )
    writer = _STATE.writer
    if isinstance(writer, _FileWriter):
        event_pb2 = _tensorboard.require("tensorboard.compat.proto.event_pb2")
        summary_pb2 = _tensorboard.require("tensorboard.compat.proto.summary_pb2")
        value = summary_pb2.Summary.Value(tag=tag, tensor=make_tensor())
        metadata = metadata() if callable(metadata) else metadata
        if metadata is not None:
            if isinstance(metadata, bytes):
                value.metadata.ParseFromString(metadata)
            else:
                value.metadata.CopyFrom(metadata)
        writer.add_event(
            event_pb2.Event(
                wall_time=time.time(),
                step=step_value(step),
                summary=summary_pb2.Summary(value=[value]),
            )
        )
    return constant(True)


def tensor_proto(array):
    """The ``TensorProto`` TF's writer stores for ``array``: ``string_val`` for strings (bytes
    objects), little-endian ``tensor_content`` for numbers (TF's ``AsProtoTensorContent``)."""
    tensor_util = _tensorboard.require("tensorboard.util.tensor_util")
    array = np.asarray(array)
    if array.dtype.kind in ("O", "S", "U"):
        return tensor_util.make_tensor_proto(array.astype(object))
    tensor_pb2 = _tensorboard.require("tensorboard.compat.proto.tensor_pb2")
    stub = _tensorboard.require("tensorboard.compat.tensorflow_stub.dtypes")
    proto = tensor_pb2.TensorProto(dtype=stub.as_dtype(array.dtype).as_datatype_enum)
    proto.tensor_shape.SetInParent()
    for size in array.shape:
        proto.tensor_shape.dim.add(size=size)
    proto.tensor_content = array.astype(array.dtype.newbyteorder("<")).tobytes()
    return proto


@tf_export("summary.write")
def write(tag, tensor, step=None, metadata=None, name=None):
    """``tf.summary.write``: writes ``tensor`` (or ``tensor()``, called only when recording)
    under ``tag`` with ``metadata`` (a ``SummaryMetadata`` proto or its bytes)."""

    def make():
        value = tensor() if callable(tensor) else tensor
        value = np.asarray(value)
        if value.dtype.kind == "U":
            value = np.vectorize(lambda s: s.encode("utf-8"), otypes=[object])(value)
        return tensor_proto(value)

    return write_proto(tag, make, step, metadata)
