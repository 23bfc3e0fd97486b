"""``tf.train.load_checkpoint``, ``list_variables``, ``load_variable``: read checkpoint files."""

from __future__ import annotations

import os

from ..api_export import tf_export
from ..framework import errors
from .state import latest_checkpoint

__all__ = ["CheckpointReader", "load_checkpoint", "list_variables", "load_variable"]


def _prefix(ckpt_dir_or_file):
    path = os.fspath(ckpt_dir_or_file)
    if os.path.isdir(path):
        found = latest_checkpoint(path)
        if found is None:
            raise ValueError(
                "Couldn't find 'checkpoint' file or checkpoints in given directory %s" % path
            )
        return found
    return path


class CheckpointReader:
    """The object ``tf.train.load_checkpoint`` returns (TF's ``CheckpointReader``)."""

    def __init__(self, prefix):
        from .bundle import BundleReader

        try:
            self._reader = BundleReader(prefix)
        except errors.NotFoundError as exc:
            raise errors.NotFoundError(
                None, None, "Unsuccessful TensorSliceReader constructor: " + exc.message
            ) from None

    def get_tensor(self, tensor_str):
        """The value of ``tensor_str`` as a NumPy array (a scalar string: ``bytes``)."""
        value = self._reader.get_tensor(tensor_str)
        return value.item() if value.dtype == object and value.ndim == 0 else value

    def has_tensor(self, tensor_str):
        """Whether the checkpoint holds ``tensor_str``."""
        return self._reader.has_tensor(tensor_str)

    def get_variable_to_shape_map(self):
        """``{key: [dims]}`` for every tensor."""
        return {k: self._reader.shape(k) for k in self._reader.keys()}

    def get_variable_to_dtype_map(self):
        """``{key: tf.DType}`` for every tensor."""
        return {k: self._reader.dtype(k) for k in self._reader.keys()}


@tf_export("train.load_checkpoint")
def load_checkpoint(ckpt_dir_or_file):
    """A :class:`CheckpointReader` for a checkpoint prefix or a directory's latest one."""
    return CheckpointReader(_prefix(ckpt_dir_or_file))


@tf_export("train.list_variables")
def list_variables(ckpt_dir_or_file):
    """``[(key, shape)]`` for every tensor in the checkpoint, sorted by key."""
    shapes = load_checkpoint(ckpt_dir_or_file).get_variable_to_shape_map()
    return [(name, shapes[name]) for name in sorted(shapes)]


@tf_export("train.load_variable")
def load_variable(ckpt_dir_or_file, name):
    """The value of tensor ``name`` in the checkpoint (a trailing ``:0`` is dropped)."""
    if name.endswith(":0"):
        name = name[:-2]
    return load_checkpoint(ckpt_dir_or_file).get_tensor(name)
